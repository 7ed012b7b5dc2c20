import { Fragment } from 'react';
import type { ReactNode } from 'react';
import { Heading, Paragraph } from 'suomifi-ui-components';
import type { StatementBlock } from '../../../contract/privacy-statement/privacy-statement.schemas.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

type Section = { key: string; title: string; blocks: StatementBlock[] };

/**
 * A statement the server generated (privacy, accessibility): its title, lines under it, a list of
 * contents linking to each section, and the sections; `after` puts a part of the page (a form)
 * after a section of its key.
 */
export function StatementArticle({
  language,
  title,
  lines,
  sections,
  after = {},
}: {
  language: string;
  title: string;
  lines: ReactNode;
  sections: Section[];
  after?: Partial<Record<string, ReactNode>>;
}) {
  const { t } = useI18n();
  return (
    <article className="statement" lang={language}>
      <Heading variant="h1">{title}</Heading>
      {lines}
      <nav className="statement__contents" aria-labelledby="statement-contents">
        <h2 id="statement-contents">{t('public.statement.contents')}</h2>
        <ol>
          {sections.map((section) => (
            <li key={section.key}>
              <a href={`#${section.key}`}>{section.title}</a>
            </li>
          ))}
        </ol>
      </nav>
      {sections.map((section) => (
        <section key={section.key} id={section.key} aria-labelledby={`${section.key}-title`}>
          <Heading variant="h2" id={`${section.key}-title`}>
            {section.title}
          </Heading>
          {section.blocks.map((block, index) => (
            <Block key={index} block={block} />
          ))}
          {after[section.key]}
        </section>
      ))}
    </article>
  );
}

function Block({ block }: { block: StatementBlock }) {
  switch (block.kind) {
    case 'paragraph':
      return <Paragraph lang={block.lang}>{block.text}</Paragraph>;
    case 'list':
      return (
        <ul className="statement__list">
          {block.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      );
    case 'contact':
      return (
        <address className="statement__contact">
          {block.lines.map((line, index) => (
            <Fragment key={index}>
              {index > 0 && <br />}
              {line}
            </Fragment>
          ))}
        </address>
      );
  }
}

import { Fragment } from 'react';
import { Heading, InlineAlert, Paragraph } from 'suomifi-ui-components';
import { privacyStatementApi } from '../../../contract/privacy-statement/privacy-statement.endpoints.ts';
import type { StatementBlock } from '../../../contract/privacy-statement/privacy-statement.schemas.ts';
import { Loaded } from '../../components/Loaded.tsx';
import { ProblemNotice } from '../../components/Notices.tsx';
import { isConflictWithCode } from '../../client.ts';
import { useCall } from '../../data.ts';
import { formatDate } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** The privacy statement as the register generates it, in the page's language. */
export function PrivacyStatementPage() {
  const { t, language } = useI18n();
  const statement = useCall(privacyStatementApi.statement, { query: { lang: language } });
  return (
    <Loaded
      query={statement}
      failed={(error) =>
        isConflictWithCode(error, 'privacyStatement.notSetUp') ? (
          <InlineAlert status="neutral" className="notice">
            {t('public.notPublished')}
          </InlineAlert>
        ) : (
          <ProblemNotice error={error} />
        )
      }
    >
      {(shown) => (
        <article className="statement" lang={shown.language}>
          <Heading variant="h1">{shown.title}</Heading>
          <p className="statement__register">
            {shown.registerName} · {shown.controllerName}
          </p>
          <p className="statement__changed">
            {t('public.statement.lastChanged', { date: formatDate(shown.lastChangedOn) })}
          </p>
          <nav className="statement__contents" aria-labelledby="statement-contents">
            <h2 id="statement-contents">{t('public.statement.contents')}</h2>
            <ol>
              {shown.sections.map((section) => (
                <li key={section.key}>
                  <a href={`#${section.key}`}>{section.title}</a>
                </li>
              ))}
            </ol>
          </nav>
          {shown.sections.map((section) => (
            <section key={section.key} id={section.key} aria-labelledby={`${section.key}-title`}>
              <Heading variant="h2" id={`${section.key}-title`}>
                {section.title}
              </Heading>
              {section.blocks.map((block, index) => (
                <Block key={index} block={block} />
              ))}
            </section>
          ))}
        </article>
      )}
    </Loaded>
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

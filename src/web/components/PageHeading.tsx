import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { Heading } from 'suomifi-ui-components';
import { useI18n } from '../i18n/I18nProvider.tsx';

/**
 * The page's h1. A new page moves the focus here, so a screen reader starts from the page's
 * name after navigation (WCAG 2.4.3), and the document title names the page.
 */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { t } = useI18n();

  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, []);

  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);

  return (
    <Heading variant="h1" ref={ref} tabIndex={-1} className="page-heading">
      {children ?? title}
    </Heading>
  );
}

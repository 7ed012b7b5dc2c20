import { Component, Suspense } from 'react';
import type { ReactNode } from 'react';
import { useLocation } from 'react-router';
import { Button, InlineAlert } from 'suomifi-ui-components';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Loading } from './Notices.tsx';
import { PageCodeUnavailable } from './lazy-page.ts';

/**
 * Where a page's code is fetched on first use (lazyPage): a spinner in the page's language while
 * it loads, announced politely, and a notice with a reload button when it cannot be fetched.
 */
export function PageLoad({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <PageLoadBoundary pathname={pathname}>
      <Suspense
        fallback={
          <div role="status" className="page-load">
            <Loading />
          </div>
        }
      >
        {children}
      </Suspense>
    </PageLoadBoundary>
  );
}

type BoundaryProps = { pathname: string; children: ReactNode };
type BoundaryState = { pathname: string; error: Error | null };

/**
 * Catches only a page's code that could not be fetched: after a new version is installed the
 * old hashed chunks are gone, so a page left open asks for files that no longer exist. Any
 * other error goes on up as before. Another address shows its own page; the failed one needs a
 * reload (React.lazy keeps the failure), which the notice offers.
 */
class PageLoadBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { pathname: this.props.pathname, error: null };

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(
    props: BoundaryProps,
    state: BoundaryState,
  ): Partial<BoundaryState> | null {
    return props.pathname === state.pathname ? null : { pathname: props.pathname, error: null };
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    if (!(error instanceof PageCodeUnavailable)) throw error;
    return <PageLoadFailed />;
  }
}

function PageLoadFailed() {
  const { t } = useI18n();
  return (
    <InlineAlert status="error" role="alert" className="notice">
      <p>{t('pageLoad.failed')}</p>
      <Button variant="secondary" onClick={() => window.location.reload()}>
        {t('pageLoad.reload')}
      </Button>
    </InlineAlert>
  );
}

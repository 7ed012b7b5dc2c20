import { InlineAlert, LoadingSpinner } from 'suomifi-ui-components';
import { ApiError } from '../api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/catalogues.ts';

/** What went wrong with a request, in words the reader's language has for its status. */
export function problemKey(error: unknown): MessageKey {
  if (!(error instanceof ApiError)) return 'problem.network';
  switch (error.status) {
    case 400:
      return 'problem.invalid';
    case 403:
      return 'problem.forbidden';
    case 404:
      return 'problem.notFound';
    case 409:
      return 'problem.conflict';
    case 429:
      return 'problem.tooMany';
    default:
      return error.status >= 500 ? 'problem.server' : 'problem.unexpected';
  }
}

export function ProblemNotice({ error }: { error: unknown }) {
  const { t } = useI18n();
  return (
    <InlineAlert status="error" role="alert" className="notice">
      {t(problemKey(error))}
    </InlineAlert>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <LoadingSpinner
      className="loading"
      text={t('common.loading')}
      textAlign="right"
      variant="small"
    />
  );
}

import { InlineAlert } from 'suomifi-ui-components';
import { isConflictWithCode } from '../../client.ts';
import { ProblemNotice } from '../../components/Notices.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** A statement the administrator has not set up yet says so; any other failure is shown as is. */
export function NotPublished({ error }: { error: unknown }) {
  const { t } = useI18n();
  return isConflictWithCode(error, 'privacyStatement.notSetUp') ? (
    <InlineAlert status="neutral" className="notice">
      {t('public.notPublished')}
    </InlineAlert>
  ) : (
    <ProblemNotice error={error} />
  );
}

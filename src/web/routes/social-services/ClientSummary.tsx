import { useState } from 'react';
import { Button } from 'suomifi-ui-components';
import { useSavedDownload } from '../../components/download.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ClientProblem } from './ClientProblem.tsx';
import { socialServicesApi } from '../../../contract/social-services/social-services.endpoints.ts';

/**
 * "Print summary": the client summary as a PDF, in the client's own language and marked
 * confidential on every page. The server logs the print with the stated purpose.
 */
export function ClientSummary({ personId, purpose }: { personId: string; purpose: string }) {
  const { t } = useI18n();
  const [saved, setSaved] = useState('');
  const summary = useSavedDownload(socialServicesApi.summary, (file) =>
    setSaved(t('social.summary.downloaded', { file })),
  );

  const print = () => {
    setSaved('');
    summary.mutate({ params: { id: personId }, query: { purpose } });
  };

  return (
    <div className="social-summary">
      <div>
        <Button variant="secondary" disabled={summary.isPending} onClick={print}>
          {t('social.summary.print')}
        </Button>
        <p className="hint">{t('social.summary.hint')}</p>
      </div>
      <p className="social-summary__status" role="status">
        {summary.isPending ? t('social.summary.downloading') : saved}
      </p>
      {summary.isError && <ClientProblem error={summary.error} />}
    </div>
  );
}

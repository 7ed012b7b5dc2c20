import { useState } from 'react';
import { Button } from 'suomifi-ui-components';
import { saveFile } from '../../components/download.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ClientProblem } from './ClientProblem.tsx';
import { socialServicesApi } from '../../../contract/social-services/social-services.endpoints.ts';
import { download } from '../../client.ts';

/**
 * "Print summary": the client summary as a PDF, in the client's own language and marked
 * confidential on every page. The server logs the print with the stated purpose.
 */
export function ClientSummary({ personId, purpose }: { personId: string; purpose: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState('');
  const [failure, setFailure] = useState<unknown>(null);

  const print = () => {
    setBusy(true);
    setSaved('');
    setFailure(null);
    download(socialServicesApi.summary, { params: { id: personId }, query: { purpose } }).then(
      (file) => {
        setBusy(false);
        saveFile(file.blob, file.fileName);
        setSaved(t('social.summary.downloaded', { file: file.fileName }));
      },
      (error: unknown) => {
        setBusy(false);
        setFailure(error);
      },
    );
  };

  return (
    <div className="social-summary">
      <div>
        <Button variant="secondary" disabled={busy} onClick={print}>
          {t('social.summary.print')}
        </Button>
        <p className="hint">{t('social.summary.hint')}</p>
      </div>
      <p className="social-summary__status" role="status">
        {busy ? t('social.summary.downloading') : saved}
      </p>
      {failure !== null && <ClientProblem error={failure} />}
    </div>
  );
}

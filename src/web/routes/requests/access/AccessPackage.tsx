import { useState } from 'react';
import { Button, Paragraph } from 'suomifi-ui-components';
import type { Answer } from '../../../../contract/endpoint.ts';
import { accessPackageApi } from '../../../../contract/access-package/access-package.endpoints.ts';
import type { RequestChannel } from '../../../../contract/enums.ts';
import { requestsApi } from '../../../../contract/requests/requests.endpoints.ts';
import type { RequestView } from '../../../../contract/requests/requests.schemas.ts';
import { useSavedDownload } from '../../../components/download.ts';
import { DateField, SelectField } from '../../../components/Fields.tsx';
import { ProblemNotice } from '../../../components/Notices.tsx';
import { Section } from '../../../components/Section.tsx';
import { formatDate } from '../../../format.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { helsinkiToday } from '../../access-log/access-log.ts';
import { REQUEST_LISTS } from '../request-lists.ts';
import { CHANNEL_LABELS, isoDate, options } from '../requests.ts';
import { StepForm } from '../../../components/StepForm.tsx';

type Format = 'pdf' | 'json';
type HandOver = Answer<typeof accessPackageApi.handOver>;

const FORMAT_LABELS = { pdf: 'access.format.pdf', json: 'access.format.json' } as const;

/**
 * The answer to an access request (decision 0016): the register officer downloads it as a PDF in
 * the request's language or as JSON, made on demand and logged by the server; when the request's
 * allowed actions include the hand-over (decided, granted or partly), records how and when it
 * was handed over — a disclosure to the person themself — before marking the request answered.
 * The hand-over is in the request's history, which is read again.
 */
export function AccessPackage({ request: current }: { request: RequestView }) {
  const { t } = useI18n();
  const [saved, setSaved] = useState('');
  const [format, setFormat] = useState<Format | null>(null);
  // The hand-overs recorded on this visit, with their files' names (the history has the rest).
  const [handedOver, setHandedOver] = useState<HandOver[]>([]);
  const download = useSavedDownload(accessPackageApi.get, (name) =>
    setSaved(t('access.downloaded', { name })),
  );
  if (current.type !== 'access') return null;

  const fetchPackage = (chosen: Format) => {
    setSaved('');
    setFormat(chosen);
    download.mutate({ params: { id: current.id }, query: { format: chosen } });
  };
  const handOver = current.allowedActions.find((allowed) => allowed.action === 'handOver');
  const busy = download.isPending ? format : null;

  return (
    <Section title={t('access.packageTitle')}>
      <Paragraph mb="s">{t('access.packageIntro')}</Paragraph>
      <div className="requests__actions">
        <Button disabled={busy !== null} onClick={() => fetchPackage('pdf')}>
          {busy === 'pdf' ? t('access.downloading') : t('access.downloadPdf')}
        </Button>
        <Button variant="secondary" disabled={busy !== null} onClick={() => fetchPackage('json')}>
          {busy === 'json' ? t('access.downloading') : t('access.downloadJson')}
        </Button>
      </div>
      <p role="status" className="muted">
        {saved}
      </p>
      {download.isError && <ProblemNotice error={download.error} />}
      {handedOver.length > 0 && (
        <>
          <Paragraph mt="s" mb="xxs">
            {t('access.handOvers')}
          </Paragraph>
          <ul className="plain-list">
            {handedOver.map((item) => (
              <li key={item.disclosureId}>
                {t('access.handOverLine', {
                  date: formatDate(item.handedOverOn),
                  channel: t(CHANNEL_LABELS[item.channel]),
                  file: item.fileName,
                })}
              </li>
            ))}
          </ul>
        </>
      )}

      {current.allowedActions.length > 0 && current.status !== 'answered' && !handOver && (
        <p className="muted">{t('access.handOverNotYet')}</p>
      )}
      {handOver && (
        <StepForm
          key={handedOver.length}
          title={t('access.handOverTitle')}
          intro={t('access.handOverIntro')}
          endpoint={accessPackageApi.handOver}
          invalidates={[requestsApi.get, ...REQUEST_LISTS]}
          initial={{
            handedOverOn: formatDate(helsinkiToday()),
            channel: current.channel,
            format: 'pdf',
          }}
          dates={['handedOverOn']}
          labels={{
            status: t('requests.statusLabel'),
            handedOverOn: t('access.handedOverOn'),
            channel: t('access.channel'),
            format: t('access.format'),
          }}
          submitText={t('access.handOver')}
          input={(values) => ({
            params: { id: current.id },
            body: {
              handedOverOn: isoDate(values, 'handedOverOn'),
              channel: values.channel as RequestChannel,
              format: values.format as Format,
            },
          })}
          onDone={(made) => {
            setHandedOver((list) => [...list, made]);
            setSaved(t('access.handedOverDone'));
          }}
        >
          {(form) => (
            <>
              <DateField
                form={form}
                path="handedOverOn"
                label={t('access.handedOverOn')}
                hint={
                  handOver.notBefore &&
                  t('requests.notBefore', { date: formatDate(handOver.notBefore) })
                }
              />
              <SelectField
                form={form}
                path="channel"
                label={t('access.channel')}
                placeholder={t('form.choose')}
                options={options(CHANNEL_LABELS, t)}
              />
              <SelectField
                form={form}
                path="format"
                label={t('access.format')}
                placeholder={t('form.choose')}
                options={options(FORMAT_LABELS, t)}
              />
            </>
          )}
        </StepForm>
      )}
    </Section>
  );
}

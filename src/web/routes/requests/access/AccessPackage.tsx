import { useState } from 'react';
import { Button, Paragraph } from 'suomifi-ui-components';
import type { z } from 'zod';
import type { handOverView } from '../../../../contract/access-package/access-package.schemas.ts';
import { request, requestFile } from '../../../api.ts';
import { saveFile } from '../../../components/download.ts';
import { DateField, SelectField } from '../../../components/Fields.tsx';
import { ProblemNotice } from '../../../components/Notices.tsx';
import { Section } from '../../../components/Section.tsx';
import { formatDate } from '../../../format.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useMe } from '../../../session.tsx';
import { helsinkiToday } from '../../access-log/access-log.ts';
import { requestsApi, type RequestChannel, type RequestView } from '../requests-api.ts';
import { CHANNEL_LABELS, isoDate, options } from '../requests.ts';
import { StepForm } from '../StepForm.tsx';

type Format = 'pdf' | 'json';
type HandOver = z.infer<typeof handOverView>;

const path = (requestId: string) => `/api/requests/${encodeURIComponent(requestId)}/access-package`;

const FORMAT_LABELS = { pdf: 'access.format.pdf', json: 'access.format.json' } as const;

/**
 * The answer to an access request (decision 0016): the register officer downloads it as a PDF in
 * the request's language or as JSON, made on demand and logged by the server; once the request is
 * granted (or partly), records how and when it was handed over — a disclosure to the person
 * themself — before marking the request answered.
 */
export function AccessPackage({
  request: current,
  onChange,
}: {
  request: RequestView;
  onChange: (request: RequestView) => void;
}) {
  const { t } = useI18n();
  const me = useMe();
  const [busy, setBusy] = useState<Format | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState('');
  const [handedOver, setHandedOver] = useState<HandOver[]>([]);
  if (current.type !== 'access') return null;

  const download = async (format: Format) => {
    setBusy(format);
    setFailure(null);
    setSaved('');
    try {
      const file = await requestFile(`${path(current.id)}?format=${format}`);
      saveFile(file.blob, file.fileName);
      setSaved(t('access.downloaded', { name: file.fileName }));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };

  const mayHandOver =
    me.can('requests.manage') &&
    current.status === 'decided' &&
    current.decision?.outcome !== 'refused';

  return (
    <Section title={t('access.packageTitle')}>
      <Paragraph mb="s">{t('access.packageIntro')}</Paragraph>
      <div className="requests__actions">
        <Button disabled={busy !== null} onClick={() => void download('pdf')}>
          {busy === 'pdf' ? t('access.downloading') : t('access.downloadPdf')}
        </Button>
        <Button variant="secondary" disabled={busy !== null} onClick={() => void download('json')}>
          {busy === 'json' ? t('access.downloading') : t('access.downloadJson')}
        </Button>
      </div>
      <p role="status" className="muted">
        {saved}
      </p>
      {failure !== null && <ProblemNotice error={failure} />}

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
      {me.can('requests.manage') && current.status !== 'answered' && !mayHandOver && (
        <p className="muted">{t('access.handOverNotYet')}</p>
      )}
      {mayHandOver && (
        <StepForm
          key={handedOver.length}
          title={t('access.handOverTitle')}
          intro={t('access.handOverIntro')}
          initial={{
            handedOverOn: formatDate(helsinkiToday()),
            channel: current.channel,
            format: 'pdf',
          }}
          required={['handedOverOn', 'channel', 'format']}
          dates={['handedOverOn']}
          labels={{
            status: t('requests.statusLabel'),
            handedOverOn: t('access.handedOverOn'),
            channel: t('access.channel'),
            format: t('access.format'),
          }}
          submitText={t('access.handOver')}
          run={(values) =>
            request<HandOver>('POST', `${path(current.id)}/hand-over`, {
              handedOverOn: isoDate(values, 'handedOverOn'),
              channel: values.channel as RequestChannel,
              format: values.format as Format,
            })
          }
          onDone={(made) => {
            setHandedOver((list) => [...list, made]);
            setSaved(t('access.handedOverDone'));
            // The request's history now holds the hand-over.
            requestsApi.get(current.id).then(onChange, setFailure);
          }}
        >
          {(form) => (
            <>
              <DateField form={form} path="handedOverOn" label={t('access.handedOverOn')} />
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

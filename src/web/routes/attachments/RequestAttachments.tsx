import { useId, useRef, useState } from 'react';
import { Button, InlineAlert, Paragraph } from 'suomifi-ui-components';
import { ApiError, type Problem } from '../../api.ts';
import { saveFile } from '../../components/download.ts';
import { Loading, ProblemNotice } from '../../components/Notices.tsx';
import { Section } from '../../components/Section.tsx';
import { useResource } from '../../components/useResource.ts';
import { formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useMe } from '../../session.tsx';
import { useStatusLine } from '../billing/customer/customer-list.tsx';
import type { RequestView } from '../requests/requests-api.ts';
import type {
  AttachmentList,
  AttachmentView,
} from '../../../contract/attachments/attachments.schemas.ts';

const ACCEPT = 'application/pdf,image/jpeg,image/png,image/tiff,.pdf,.jpg,.jpeg,.png,.tif,.tiff';

/** The server's problem, or one made up from the status. */
async function problemOf(response: Response): Promise<ApiError> {
  const text = await response.text();
  const data: unknown = text.startsWith('{') ? JSON.parse(text) : undefined;
  return new ApiError(
    data && typeof data === 'object' && 'status' in data
      ? (data as Problem)
      : {
          type: 'about:blank',
          title: response.statusText,
          status: response.status,
          detail: response.statusText,
        },
  );
}

const base = (requestId: string) => `/api/requests/${encodeURIComponent(requestId)}/attachments`;

const attachmentsApi = {
  list: async (requestId: string, signal?: AbortSignal): Promise<AttachmentList> => {
    const response = await fetch(base(requestId), {
      credentials: 'same-origin',
      signal: signal ?? null,
    });
    if (!response.ok) throw await problemOf(response);
    return (await response.json()) as AttachmentList;
  },
  /** The file as the body, with its own type; the name in the query. */
  upload: async (requestId: string, file: File): Promise<AttachmentView> => {
    const response = await fetch(`${base(requestId)}?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': file.type || 'application/octet-stream' },
      body: file,
    });
    if (!response.ok) throw await problemOf(response);
    return (await response.json()) as AttachmentView;
  },
  download: async (requestId: string, attachment: AttachmentView): Promise<Blob> => {
    const response = await fetch(`${base(requestId)}/${encodeURIComponent(attachment.id)}`, {
      credentials: 'same-origin',
    });
    if (!response.ok) throw await problemOf(response);
    return response.blob();
  },
};

const size = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} kB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * A request's attachments (the scanned letter) for the register officer: the list, a download
 * of each, and an upload. The server keeps them encrypted under the person's key.
 */
export function RequestAttachments({ request }: { request: RequestView }) {
  const { t, errorText } = useI18n();
  const me = useMe();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [status, say] = useStatusLine();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [resource, , reload] = useResource(`attachments:${request.id}`, (signal) =>
    attachmentsApi.list(request.id, signal),
  );

  const upload = () => {
    const file = input.current?.files?.[0];
    setFailure(null);
    if (!file) {
      say(t('attachments.chooseFirst'));
      return;
    }
    setBusy(true);
    attachmentsApi.upload(request.id, file).then(
      (stored) => {
        setBusy(false);
        if (input.current) input.current.value = '';
        reload();
        say(t('attachments.uploadedDone', { file: stored.fileName ?? '' }));
      },
      (error: unknown) => {
        setBusy(false);
        setFailure(error);
      },
    );
  };

  const download = (attachment: AttachmentView) => {
    setFailure(null);
    attachmentsApi.download(request.id, attachment).then(
      (blob) => saveFile(blob, attachment.fileName ?? 'attachment'),
      (error: unknown) => setFailure(error),
    );
  };

  return (
    <Section title={t('attachments.title')}>
      <Paragraph mb="s">{t('attachments.intro')}</Paragraph>
      {status}
      {failure instanceof ApiError && failure.problem.errors?.[0] ? (
        <InlineAlert status="error" role="alert" className="notice">
          {errorText(failure.problem.errors[0])}
        </InlineAlert>
      ) : (
        failure !== null && <ProblemNotice error={failure} />
      )}
      {resource.state === 'loading' && <Loading />}
      {resource.state === 'failed' && <ProblemNotice error={resource.error} />}
      {resource.state === 'ready' &&
        (resource.data.items.length === 0 ? (
          <p className="muted">{t('attachments.none')}</p>
        ) : (
          <ul className="plain-list">
            {resource.data.items.map((attachment) => (
              <li key={attachment.id}>
                {attachment.fileName === null ? (
                  t('attachments.destroyed')
                ) : (
                  <Button variant="secondaryNoBorder" onClick={() => download(attachment)}>
                    {t('attachments.download', { file: attachment.fileName })}
                  </Button>
                )}
                <div className="muted">
                  {t('attachments.meta', {
                    size: size(attachment.sizeBytes),
                    user: attachment.createdBy ?? '–',
                    time: formatDateTime(attachment.createdAt),
                  })}
                </div>
              </li>
            ))}
          </ul>
        ))}
      {me.can('requests.manage') && (
        <div className="billing-admin__form">
          <label htmlFor={inputId}>{t('attachments.file')}</label>{' '}
          <input id={inputId} ref={input} type="file" accept={ACCEPT} />
          <div className="billing-admin__actions">
            <Button disabled={busy} onClick={upload}>
              {busy ? t('attachments.uploading') : t('attachments.upload')}
            </Button>
          </div>
        </div>
      )}
    </Section>
  );
}

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
import type { RequestView } from '../../../contract/requests/requests.schemas.ts';
import type { Answer } from '../../../contract/endpoint.ts';
import { attachmentsApi } from '../../../contract/attachments/attachments.endpoints.ts';
import type { AttachmentView } from '../../../contract/attachments/attachments.schemas.ts';
import { call, download, urlOf } from '../../client.ts';

const ACCEPT = 'application/pdf,image/jpeg,image/png,image/tiff,.pdf,.jpg,.jpeg,.png,.tif,.tiff';

/** The upload's refusal: the server's problem, or one made up from the status. */
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

/**
 * The file as the body, with its own type; the name in the query. Not `call`, which sends JSON:
 * the endpoint's URL comes from the contract all the same.
 */
async function uploadFile(
  requestId: string,
  file: File,
): Promise<Answer<typeof attachmentsApi.upload>> {
  const url = urlOf(attachmentsApi.upload, {
    params: { id: requestId },
    query: { name: file.name },
  });
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': file.type || 'application/octet-stream' },
    body: file,
  });
  if (!response.ok) throw await problemOf(response);
  return (await response.json()) as AttachmentView;
}

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
    call(attachmentsApi.list, { params: { id: request.id } }, { signal }),
  );

  const upload = () => {
    const file = input.current?.files?.[0];
    setFailure(null);
    if (!file) {
      say(t('attachments.chooseFirst'));
      return;
    }
    setBusy(true);
    uploadFile(request.id, file).then(
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

  const save = (attachment: AttachmentView) => {
    setFailure(null);
    download(attachmentsApi.download, {
      params: { id: request.id, attachmentId: attachment.id },
    }).then(
      // The exact name as listed; the file's header holds only its ASCII fallback.
      ({ blob }) => saveFile(blob, attachment.fileName ?? 'attachment'),
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
                  <Button variant="secondaryNoBorder" onClick={() => save(attachment)}>
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

import { useId, useRef, useState } from 'react';
import { Button, InlineAlert, Paragraph } from 'suomifi-ui-components';
import { ApiError } from '../../client.ts';
import { saveFile } from '../../components/download.ts';
import { Loaded } from '../../components/Loaded.tsx';
import { ProblemNotice } from '../../components/Notices.tsx';
import { Section } from '../../components/Section.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { useCall, useDownload } from '../../data.ts';
import { formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useMe } from '../../session.tsx';
import { useStatusLine } from '../billing/customer/customer-list.tsx';
import type { RequestView } from '../../../contract/requests/requests.schemas.ts';
import { attachmentsApi } from '../../../contract/attachments/attachments.endpoints.ts';
import type { AttachmentView } from '../../../contract/attachments/attachments.schemas.ts';

const ACCEPT = 'application/pdf,image/jpeg,image/png,image/tiff,.pdf,.jpg,.jpeg,.png,.tif,.tiff';

/** The form holds no text: the file is the input's own. */
const NOTHING = {};

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
  const attachments = useCall(attachmentsApi.list, { params: { id: request.id } });
  const fetchFile = useDownload(attachmentsApi.download);
  // The file chosen is the input's own state: one chosen and not yet uploaded is a change.
  const [chosen, setChosen] = useState(false);
  const upload = useContractForm({
    endpoint: attachmentsApi.upload,
    initial: NOTHING,
    changed: chosen,
    input: () => {
      const file = input.current?.files?.[0];
      return file ? { params: { id: request.id }, query: { name: file.name }, body: file } : null;
    },
    // Whatever the server names (the file's name, its bytes, its type) is the one file input's.
    serverFields: () => 'file',
    invalidates: [attachmentsApi.list],
    onUnchanged: () => say(t('attachments.chooseFirst')),
    onSaved: (stored) => {
      if (input.current) input.current.value = '';
      setChosen(false);
      say(t('attachments.uploadedDone', { file: stored.fileName ?? '' }));
    },
  });
  const failure = upload.failure ?? fetchFile.error;
  const fileError = upload.form.errors.file;

  const save = (attachment: AttachmentView) => {
    fetchFile.mutate(
      { params: { id: request.id, attachmentId: attachment.id } },
      // The exact name as listed; the file's header holds only its ASCII fallback.
      { onSuccess: ({ blob }) => saveFile(blob, attachment.fileName ?? 'attachment') },
    );
  };

  return (
    <Section title={t('attachments.title')}>
      <Paragraph mb="s">{t('attachments.intro')}</Paragraph>
      {status}
      {fileError ? (
        <InlineAlert status="error" role="alert" className="notice">
          {errorText(fileError)}
        </InlineAlert>
      ) : failure instanceof ApiError && failure.problem.errors?.[0] ? (
        <InlineAlert status="error" role="alert" className="notice">
          {errorText(failure.problem.errors[0])}
        </InlineAlert>
      ) : (
        failure !== null && <ProblemNotice error={failure} />
      )}
      <Loaded query={attachments}>
        {(list) =>
          list.items.length === 0 ? (
            <p className="muted">{t('attachments.none')}</p>
          ) : (
            <ul className="plain-list">
              {list.items.map((attachment) => (
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
          )
        }
      </Loaded>
      {me.can('requests.manage') && (
        <div className="billing-admin__form">
          <label htmlFor={inputId}>{t('attachments.file')}</label>{' '}
          <input
            id={inputId}
            ref={input}
            type="file"
            accept={ACCEPT}
            onChange={(event) => setChosen((event.target.files?.length ?? 0) > 0)}
          />
          <div className="billing-admin__actions">
            <Button disabled={upload.busy} onClick={() => upload.submit()}>
              {upload.busy ? t('attachments.uploading') : t('attachments.upload')}
            </Button>
          </div>
        </div>
      )}
    </Section>
  );
}

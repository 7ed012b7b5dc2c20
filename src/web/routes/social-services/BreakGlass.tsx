import { useId, useRef, useState } from 'react';
import { Button, Textarea } from 'suomifi-ui-components';
import {
  socialRecordsApi,
  socialServicesApi,
} from '../../../contract/social-services/social-services.endpoints.ts';
import { ApiError } from '../../client.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { fieldRules } from '../../components/schema-rules.ts';
import { useSend } from '../../data.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

const REASON_MAX = fieldRules(socialServicesApi.breakGlass.body).maxLength.get('reason');

/** Breaking the glass opens the client's data anew: every read of it. */
const OPENED = [
  socialServicesApi.overview,
  socialServicesApi.family,
  ...Object.values(socialRecordsApi).map((records) => records.list),
];

/**
 * "Break the glass": a social worker opens for reading the data of a person who is not a client
 * of their units — or, serving the client, the records the client's other units wrote — stating
 * why. The dialog warns that the access is flagged in the log and reviewed by the register officer.
 */
export function BreakGlass({
  personId,
  onOpened,
  otherUnits = false,
}: {
  personId: string;
  onOpened: (message: string) => void;
  /** The worker serves the client: the glass opens the other units' records. */
  otherUnits?: boolean;
}) {
  const { t, errorText } = useI18n();
  const headingId = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const open_ = useSend(socialServicesApi.breakGlass, { invalidates: OPENED });
  const opener = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  // The server says what a reason must be (at least a sentence): its answer goes on the field.
  const field = open_.error instanceof ApiError ? open_.error.problem.errors?.[0] : undefined;
  const problem =
    field?.field === 'reason'
      ? errorText({ code: 'socialServices.reasonTooShort', message: field.message })
      : null;

  const confirm = () => {
    open_.mutate(
      { params: { id: personId }, body: { reason: reason.trim() } },
      {
        onSuccess: () => {
          setOpen(false);
          setReason('');
          onOpened(t('social.glassBroken.done'));
        },
        onError: () => input.current?.focus(),
      },
    );
  };

  return (
    <div className="break-glass" role="group" aria-labelledby={headingId}>
      <h3 id={headingId} className="social__subheading">
        {t(otherUnits ? 'social.otherUnits.heading' : 'social.breakGlass.heading')}
      </h3>
      <p>{t(otherUnits ? 'social.otherUnits.text' : 'social.breakGlass.text')}</p>
      <Button
        variant="secondary"
        ref={opener}
        onClick={() => {
          open_.reset();
          setOpen(true);
        }}
      >
        {t(otherUnits ? 'social.otherUnits.button' : 'social.breakGlass.button')}
      </Button>
      <ConfirmDialog
        open={open}
        title={t(otherUnits ? 'social.otherUnits.title' : 'social.breakGlass.title')}
        explanation={t('social.breakGlass.explanation')}
        failure={open_.isError && !problem ? open_.error : null}
        busy={open_.isPending}
        confirmText={t('social.breakGlass.confirm')}
        onConfirm={confirm}
        onCancel={() => setOpen(false)}
        opener={opener}
        focusOnOpen={input}
      >
        <Textarea
          id="break-glass-reason"
          ref={input}
          labelText={t('social.breakGlass.reason')}
          hintText={t('social.breakGlass.reasonHint')}
          value={reason}
          maxLength={REASON_MAX}
          onChange={(event) => setReason(event.target.value)}
          status={problem ? 'error' : 'default'}
          statusText={problem ?? undefined}
          resize="vertical"
          rows={3}
          fullWidth
        />
      </ConfirmDialog>
    </div>
  );
}

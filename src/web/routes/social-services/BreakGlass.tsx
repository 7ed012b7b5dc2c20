import { useId, useRef, useState } from 'react';
import { Button, Textarea } from 'suomifi-ui-components';
import { ApiError } from '../../api.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { socialServicesApi } from '../../../contract/social-services/social-services.endpoints.ts';
import { call } from '../../client.ts';

/** The server's shortest reason; the dialog says so before sending. */
const MIN_REASON = 10;

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
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);

  const confirm = () => {
    if (reason.trim().length < MIN_REASON) {
      setProblem(errorText({ code: 'socialServices.reasonTooShort', message: '' }));
      input.current?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    setFailure(null);
    call(socialServicesApi.breakGlass, {
      params: { id: personId },
      body: { reason: reason.trim() },
    }).then(
      () => {
        setBusy(false);
        setOpen(false);
        setReason('');
        onOpened(t('social.glassBroken.done'));
      },
      (error: unknown) => {
        setBusy(false);
        const field = error instanceof ApiError ? error.problem.errors?.[0] : undefined;
        if (field?.field === 'reason') {
          setProblem(errorText({ code: 'socialServices.reasonTooShort', message: field.message }));
          input.current?.focus();
        } else {
          setFailure(error);
        }
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
          setProblem(null);
          setFailure(null);
          setOpen(true);
        }}
      >
        {t(otherUnits ? 'social.otherUnits.button' : 'social.breakGlass.button')}
      </Button>
      <ConfirmDialog
        open={open}
        title={t(otherUnits ? 'social.otherUnits.title' : 'social.breakGlass.title')}
        explanation={t('social.breakGlass.explanation')}
        failure={failure}
        busy={busy}
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
          maxLength={1000}
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

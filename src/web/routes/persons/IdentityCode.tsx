import { useRef, useState } from 'react';
import { Button, TextInput } from 'suomifi-ui-components';
import { ApiError, type PersonView } from '../../api.ts';
import { call } from '../../client.ts';
import { personsApi } from '../../../contract/persons/persons.endpoints.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/**
 * The identity code, masked (131052-****). "Show" asks why the full code is needed; the server
 * logs the reason with the reveal (Data Protection Act 1050/2018, 29 §).
 */
export function IdentityCode({ person, canReveal }: { person: PersonView; canReveal: boolean }) {
  const { t, errorText } = useI18n();
  const [open, setOpen] = useState(false);
  const [purpose, setPurpose] = useState('');
  const [revealed, setRevealed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [purposeError, setPurposeError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const showButton = useRef<HTMLButtonElement>(null);
  const purposeInput = useRef<HTMLInputElement>(null);

  if (!person.personalIdentityCode) return null;

  const close = () => {
    setOpen(false);
    setPurposeError(null);
    setFailure(null);
  };

  const reveal = () => {
    if (purpose.trim().length < 3) {
      setPurposeError(t('person.revealPurposeTooShort'));
      purposeInput.current?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    call(personsApi.revealIdentityCode, {
      params: { id: person.id },
      body: { purpose: purpose.trim() },
    }).then(
      (answer) => {
        setBusy(false);
        setRevealed(answer.personalIdentityCode);
        setPurpose('');
        close();
      },
      (error: unknown) => {
        setBusy(false);
        const field = error instanceof ApiError ? error.problem.errors?.[0] : undefined;
        if (field?.field === 'purpose') setPurposeError(errorText(field));
        else setFailure(error);
      },
    );
  };

  return (
    <span className="identity-code">
      <span className="identity-code__value" data-testid="identity-code">
        {revealed ?? person.personalIdentityCode}
      </span>
      {person.personalIdentityCodeTemporary && (
        <span className="badge">{t('person.temporaryCode')}</span>
      )}
      {canReveal &&
        (revealed ? (
          // The same ref: closing the dialog returns the focus to whichever button is there.
          <Button variant="secondaryNoBorder" ref={showButton} onClick={() => setRevealed(null)}>
            {t('person.hideIdentityCode')}
          </Button>
        ) : (
          <Button variant="secondaryNoBorder" ref={showButton} onClick={() => setOpen(true)}>
            {t('person.showIdentityCode')}
          </Button>
        ))}
      <ConfirmDialog
        open={open}
        title={t('person.revealTitle')}
        explanation={t('person.revealExplanation')}
        failure={failure}
        busy={busy}
        confirmText={t('person.showIdentityCode')}
        onConfirm={reveal}
        onCancel={close}
        opener={showButton}
        focusOnOpen={purposeInput}
      >
        <TextInput
          ref={purposeInput}
          labelText={t('person.revealPurpose')}
          hintText={t('person.revealPurposeHint')}
          value={purpose}
          autoComplete="off"
          onChange={(value) => setPurpose(value === undefined ? '' : String(value))}
          onKeyDown={(event) => {
            if (event.key === 'Enter') reveal();
          }}
          status={purposeError ? 'error' : 'default'}
          statusText={purposeError ?? undefined}
          fullWidth
        />
      </ConfirmDialog>
    </span>
  );
}

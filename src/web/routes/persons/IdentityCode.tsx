import { useEffect, useRef, useState } from 'react';
import { Button, TextInput } from 'suomifi-ui-components';
import type { PersonView } from '../../api.ts';
import { personsApi } from '../../../contract/persons/persons.endpoints.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

const EMPTY_PURPOSE = { purpose: '' };

/**
 * The identity code, masked (131052-****). "Show" asks why the full code is needed; the server
 * logs the reason with the reveal (Data Protection Act 1050/2018, 29 §).
 */
export function IdentityCode({ person, canReveal }: { person: PersonView; canReveal: boolean }) {
  const { t, errorText } = useI18n();
  const [open, setOpen] = useState(false);
  const [revealed, setRevealed] = useState<string | null>(null);
  const showButton = useRef<HTMLButtonElement>(null);
  const purposeInput = useRef<HTMLInputElement>(null);
  // The purpose's rules (at least 3 characters) are the endpoint's body schema's.
  const reveal = useContractForm({
    endpoint: personsApi.revealIdentityCode,
    initial: EMPTY_PURPOSE,
    input: (values) => ({
      params: { id: person.id },
      body: { purpose: (values.purpose ?? '').trim() },
    }),
    checkOnBlur: false,
    emptyWhenSaved: true,
    // Nothing is lost when the dialog is left: the reveal is a read, asked for again at will.
    warnUnsaved: false,
    onSaved: (answer) => {
      setRevealed(answer.personalIdentityCode);
      setOpen(false);
    },
  });
  const { attempt } = reveal;
  useEffect(() => {
    if (attempt > 0) purposeInput.current?.focus();
  }, [attempt]);

  if (!person.personalIdentityCode) return null;

  const problem = reveal.form.errors.purpose;
  const purposeError = !problem
    ? null
    : problem.code === 'required' || problem.code === 'too_small'
      ? t('person.revealPurposeTooShort')
      : errorText(problem);

  const close = () => {
    setOpen(false);
    reveal.restart();
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
        failure={reveal.failure}
        busy={reveal.busy}
        confirmText={t('person.showIdentityCode')}
        onConfirm={() => reveal.submit()}
        onCancel={close}
        opener={showButton}
        focusOnOpen={purposeInput}
      >
        <TextInput
          ref={purposeInput}
          labelText={t('person.revealPurpose')}
          hintText={t('person.revealPurposeHint')}
          value={reveal.form.values.purpose ?? ''}
          maxLength={reveal.form.rules.maxLength.get('purpose')}
          aria-required
          autoComplete="off"
          onChange={(value) => reveal.form.set('purpose', value === undefined ? '' : String(value))}
          onKeyDown={(event) => {
            if (event.key === 'Enter') reveal.submit();
          }}
          status={purposeError ? 'error' : 'default'}
          statusText={purposeError ?? undefined}
          fullWidth
        />
      </ConfirmDialog>
    </span>
  );
}

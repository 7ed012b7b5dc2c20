import { useRef, useState } from 'react';
import { Button } from 'suomifi-ui-components';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';

/** "Archive" with a confirmation: the record stays, read-only and out of searches. */
export function ArchiveAction({
  title,
  explanation,
  onConfirm,
}: {
  title: string;
  explanation: string;
  onConfirm: () => Promise<void>;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const openButton = useRef<HTMLButtonElement>(null);

  const close = () => {
    setOpen(false);
    setError(null);
  };
  const confirm = () => {
    setBusy(true);
    setError(null);
    onConfirm().then(
      () => {
        setBusy(false);
        setOpen(false);
        // The archived record has no Archive button to return to: the page's heading takes the
        // focus, and the archived notice follows it.
        requestAnimationFrame(() =>
          document.querySelector<HTMLElement>('h1.page-heading')?.focus(),
        );
      },
      (failure: unknown) => {
        setBusy(false);
        setError(failure);
      },
    );
  };

  return (
    <>
      <Button variant="secondary" ref={openButton} onClick={() => setOpen(true)}>
        {t('common.archive')}
      </Button>
      <ConfirmDialog
        open={open}
        title={title}
        explanation={explanation}
        failure={error}
        busy={busy}
        confirmText={t('common.archive')}
        onConfirm={confirm}
        onCancel={close}
        opener={openButton}
      />
    </>
  );
}

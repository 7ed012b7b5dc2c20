import { useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
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
  const archive = useMutation({ mutationFn: onConfirm });
  const openButton = useRef<HTMLButtonElement>(null);

  const close = () => {
    setOpen(false);
    archive.reset();
  };
  const confirm = () =>
    archive.mutate(undefined, {
      onSuccess: () => {
        setOpen(false);
        // The archived record has no Archive button to return to: the page's heading takes the
        // focus, and the archived notice follows it.
        requestAnimationFrame(() =>
          document.querySelector<HTMLElement>('h1.page-heading')?.focus(),
        );
      },
    });

  return (
    <>
      <Button variant="secondary" ref={openButton} onClick={() => setOpen(true)}>
        {t('common.archive')}
      </Button>
      <ConfirmDialog
        open={open}
        title={title}
        explanation={explanation}
        failure={archive.error}
        busy={archive.isPending}
        confirmText={t('common.archive')}
        onConfirm={confirm}
        onCancel={close}
        opener={openButton}
      />
    </>
  );
}

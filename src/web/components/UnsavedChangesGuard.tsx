import { useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { anyUnsaved } from './unsaved.ts';

/**
 * Asks before changes not yet saved are lost: the app's own dialog when a link or the back
 * button leaves the page, the browser's when the tab is closed or reloaded. Mounted once, inside
 * the data router (useBlocker needs it).
 */
export function UnsavedChangesGuard() {
  const { t } = useI18n();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      anyUnsaved() && currentLocation.pathname !== nextLocation.pathname,
  );
  // Where the focus goes back to when the user stays: what they clicked to leave.
  const opener = useRef<HTMLButtonElement | null>(null);
  const blocked = blocker.state === 'blocked';
  if (blocked && opener.current === null) {
    opener.current = document.activeElement as HTMLButtonElement | null;
  }

  useEffect(() => {
    const ask = (event: BeforeUnloadEvent) => {
      if (!anyUnsaved()) return;
      event.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, []);

  return (
    <ConfirmDialog
      open={blocked}
      title={t('form.unsaved.title')}
      explanation={t('form.unsaved.explanation')}
      confirmText={t('form.unsaved.leave')}
      failure={null}
      busy={false}
      onConfirm={() => {
        opener.current = null;
        blocker.proceed?.();
      }}
      onCancel={() => {
        blocker.reset?.();
        window.setTimeout(() => (opener.current = null));
      }}
      opener={opener}
    />
  );
}

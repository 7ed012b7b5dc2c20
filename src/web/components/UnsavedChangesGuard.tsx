import { Suspense, useEffect, useRef, useState } from 'react';
import { useBlocker } from 'react-router';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { lazyPage } from './lazy-page.ts';
import { anyUnsaved } from './unsaved.ts';

// The dialog's code (suomifi's Modal) is fetched when it is first needed, not with the first
// screen: every page carries this guard.
const ConfirmDialog = lazyPage(() => import('./ConfirmDialog.tsx'), 'ConfirmDialog');

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

  // Mounted from the first time it is needed on, so that closing it returns the focus.
  const [needed, setNeeded] = useState(false);
  if (blocked && !needed) setNeeded(true);
  if (!needed) return null;
  return (
    <Suspense fallback={null}>
      <ConfirmDialog
        open={blocked}
        title={t('form.unsaved.title')}
        explanation={t('form.unsaved.explanation')}
        confirmText={t('form.unsaved.leave')}
        cancelText={t('form.unsaved.stay')}
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
    </Suspense>
  );
}

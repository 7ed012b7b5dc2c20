import { useLocation } from 'react-router';
import type { Session } from '../../session.tsx';
import { AuthenticatorPage } from './AuthenticatorPage.tsx';
import { CommitmentPage } from './CommitmentPage.tsx';
import { ForcedPasswordPage } from './PasswordForm.tsx';
import { pendingStep, type PendingStep } from './pending-step.ts';

/** The step that stands in for the page at this address, or null (see pendingStep). */
export function usePendingStep(session: Session): PendingStep | null {
  const { pathname } = useLocation();
  return session.status === 'signedIn' ? pendingStep(session.me, pathname) : null;
}

export function PendingStepPage({ step }: { step: PendingStep }) {
  switch (step) {
    case 'password':
      return <ForcedPasswordPage />;
    case 'authenticator':
      return <AuthenticatorPage forced />;
    case 'commitment':
      return <CommitmentPage forced />;
  }
}

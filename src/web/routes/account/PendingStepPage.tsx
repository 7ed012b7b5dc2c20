import { AuthenticatorPage } from './AuthenticatorPage.tsx';
import { CommitmentPage } from './CommitmentPage.tsx';
import { ForcedPasswordPage } from './PasswordForm.tsx';
import type { PendingStep } from './pending-step.ts';

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

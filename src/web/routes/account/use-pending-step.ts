import { useLocation } from 'react-router';
import type { Session } from '../../session.tsx';
import { pendingStep, type PendingStep } from './pending-step.ts';

/**
 * The step that stands in for the page at this address, or null (see pendingStep). Apart from
 * PendingStepPage so that the app can ask it without loading the steps' pages.
 */
export function usePendingStep(session: Session): PendingStep | null {
  const { pathname } = useLocation();
  return session.status === 'signedIn' ? pendingStep(session.me, pathname) : null;
}

import { formatDate } from '../../format.ts';
import type { I18n } from '../../i18n/I18nProvider.tsx';
import { ApiError } from '../../api.ts';
import type { MessageKey } from '../../i18n/catalogues.ts';
import type { StaffSummary } from '../../../contract/staff/staff.schemas.ts';
import './staff.css';

/** The account's status as a badge: active, deactivated or expired. */
export function StatusBadge({ status, t }: { status: StaffSummary['status']; t: I18n['t'] }) {
  const modifier = status === 'active' ? 'badge--active' : 'badge--warning';
  return <span className={`badge ${modifier}`}>{t(`staff.status.${status}`)}</span>;
}

/** "On paper 20.11.2026", "In the app 3.1.2026" or "Missing", for the current version. */
export function commitmentText(account: StaffSummary, t: I18n['t']): string {
  const current = account.currentCommitment;
  if (!current) return t('staff.commitmentMissing');
  const date = formatDate(current.signedOn);
  return current.method === 'paper'
    ? t('staff.commitmentPaper', { date })
    : t('staff.commitmentApp', { date });
}

const REASONS: Record<string, MessageKey> = {
  own_account: 'staff.problem.own_account',
  last_admin: 'staff.problem.last_admin',
  no_authenticator: 'staff.problem.no_authenticator',
  already_signed: 'staff.problem.already_signed',
  same_text: 'commitmentSettings.unchanged',
  version_taken: 'commitmentSettings.versionTaken',
};

/** The words for a refusal the server explained with a reason, or null for the general ones. */
export function reasonKey(error: unknown): MessageKey | null {
  if (!(error instanceof ApiError) || !error.problem.reason) return null;
  return REASONS[error.problem.reason] ?? null;
}

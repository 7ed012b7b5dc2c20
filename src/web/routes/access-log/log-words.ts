import { ROLES, type Role } from '../../../contract/auth/permissions.ts';
import type { MessageKey } from '../../i18n/catalogues.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { isAction } from './access-log.ts';

/** Logged field names that the catalogue already names; others are shown as logged. */
const FIELD_LABELS: Partial<Record<string, MessageKey>> = {
  firstName: 'person.firstName',
  lastName: 'person.lastName',
  name: 'organization.name',
  personalIdentityCode: 'person.identityCode',
  personalIdentityCodePurpose: 'person.identityCodePurpose',
  language: 'person.language',
  email: 'common.email',
  phone: 'common.phone',
  phoneDisplay: 'common.phone',
  personalIdentityCodeTemporary: 'person.temporaryCode',
  address: 'common.address',
  permanentAddress: 'person.permanentAddress',
  contactAddress: 'person.contactAddress',
  addressProtection: 'protection.title',
  addressProtected: 'protection.title',
  billing: 'billing.title',
  notes: 'common.notes',
  organizations: 'person.organizations',
  accessLog: 'accessLog.title',
  partnerContract: 'partners.logContract',
  socialClient: 'accessLog.field.socialClient',
  health: 'social.tab.health',
  serviceNeed: 'social.tab.serviceNeeds',
  income: 'social.tab.income',
  bankAccount: 'social.tab.bankAccounts',
  familyRelation: 'social.tab.family',
  socialUnits: 'accessLog.field.socialUnits',
  breakGlassReview: 'accessLog.field.breakGlassReview',
  orders: 'logHuman.field.orders',
  invoices: 'logHuman.field.invoices',
  payments: 'logHuman.field.payments',
  disclosure: 'logHuman.field.disclosure',
  objections: 'logHuman.field.objections',
  legalHolds: 'logHuman.field.legalHolds',
  requests: 'logHuman.field.requests',
  erasure: 'logHuman.field.erasure',
  restriction: 'logHuman.field.restriction',
  valueSources: 'logHuman.field.valueSources',
  username: 'logHuman.field.username',
  fullName: 'logHuman.field.fullName',
  password: 'logHuman.field.password',
  mustChangePassword: 'logHuman.field.mustChangePassword',
  totpSecret: 'logHuman.field.totp',
  totpEnabledAt: 'logHuman.field.totp',
  commitment: 'logHuman.field.commitment',
  deactivatedAt: 'logHuman.field.deactivatedAt',
  archivedAt: 'logHuman.field.archivedAt',
  contact: 'logHuman.field.contact',
  role: 'logHuman.field.role',
  requestAttachment: 'logHuman.field.attachment',
  rectificationCertificate: 'logHuman.field.rectification',
  rectificationLetter: 'logHuman.field.rectification',
  assigneeId: 'logHuman.field.assignee',
  identityVerifiedBy: 'logHuman.field.assignee',
};
/** The access log's field names in the page's language: the log page's and a person's timeline. */
export function useLogWords() {
  const { t } = useI18n();
  /** A field in words; a part of an encrypted record (`health.text`) under its category. */
  const fieldName = (name: string): string => {
    const label = FIELD_LABELS[name];
    if (label) return t(label);
    const [category, ...rest] = name.split('.');
    const categoryLabel = FIELD_LABELS[category ?? ''];
    return categoryLabel && rest.length > 0
      ? `${t(categoryLabel)} (${rest.join('.')})`
      : t('logHuman.field.other', { name });
  };
  /** Field names in words, each once (a phone number is logged as itself and as displayed). */
  const fieldNames = (names: string[]) => [...new Set(names.map(fieldName))].join(', ');
  /** An action in words; one the catalogue does not know yet as logged. */
  const actionName = (action: string) =>
    isAction(action) ? t(`accessLog.action.${action}`) : action;
  const roleName = (role: string) =>
    (ROLES as readonly string[]).includes(role) ? t(`role.${role as Role}`) : role;
  return { fieldName, fieldNames, actionName, roleName };
}

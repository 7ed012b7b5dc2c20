import { formatDate } from '../../format.ts';
import { IDENTITY_CODE_CENTURY_SIGNS } from '../../../finnish/index.ts';
import type { PersonPage } from '../../../contract/persons/person-page.schemas.ts';
import type { PersonView } from '../../api.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { helsinkiToday } from '../access-log/access-log.ts';

/**
 * The age a masked identity code (131052-****) gives on `today` (YYYY-MM-DD): its birth date
 * and century sign are what the mask leaves. Null for anything else.
 */
export function ageFromIdentityCode(code: string, today: string): number | null {
  const match = /^(\d{2})(\d{2})(\d{2})(.)/.exec(code.toUpperCase());
  if (!match) return null;
  const [, dd, mm, yy, sign] = match as unknown as [string, string, string, string, string];
  const century = Object.entries(IDENTITY_CODE_CENTURY_SIGNS).find(([, signs]) =>
    (signs as readonly string[]).includes(sign),
  )?.[0];
  if (!century) return null;
  const born = `${Number(century) + Number(yy)}-${mm}-${dd}`;
  const [year, monthDay] = [Number(today.slice(0, 4)), today.slice(5)];
  const age = year - Number(born.slice(0, 4)) - (monthDay < born.slice(5) ? 1 : 0);
  return age >= 0 ? age : null;
}

/**
 * The person at a glance, under the name: the masked identity code and age, the language, and
 * how to reach them. What the reader may not see (a contractor's contract) is left out.
 */
export function PersonSummary({ person }: { person: PersonView }) {
  const { t } = useI18n();
  const age = person.personalIdentityCode
    ? ageFromIdentityCode(person.personalIdentityCode, helsinkiToday())
    : null;
  const identity = [
    person.personalIdentityCode,
    age === null ? null : t('recordPage.age', { age }),
    person.language ? `${t('person.language')}: ${t(`language.${person.language}`)}` : null,
  ].filter(Boolean);
  const contact = [person.phoneDisplay, person.email].filter(Boolean);
  return (
    <section className="record__summary" aria-label={t('recordPage.summary')}>
      {identity.length > 0 && <p className="record__summary-line">{identity.join(' · ')}</p>}
      <p className="record__summary-line">
        {contact.length > 0 ? contact.join(' · ') : t('recordPage.noContact')}
      </p>
    </section>
  );
}

/**
 * What the reader must notice before anything else: a restriction of processing, address
 * protection, open requests, open
 * and overdue invoices, prohibitions in force, a legal hold and — told only to a reader who may
 * know it — being a social-services client: each from what the page read, so a section the
 * reader may not read gives no badge.
 */
export function PersonBadges({ page }: { page: PersonPage }) {
  const { t } = useI18n();
  const openRequests = page.requests?.items.filter((request) => request.daysLeft !== null).length;
  const invoices = page.invoices?.items ?? [];
  const overdue = invoices.filter((invoice) => invoice.status === 'overdue').length;
  const open = invoices.filter((invoice) => invoice.status === 'open').length;
  const objections = page.objections?.items.filter((objection) => objection.active).length;
  const legalHold = page.legalHolds?.items.some((hold) => hold.active) ?? false;
  return (
    <>
      {page.person.deceasedOn && (
        <span className="badge badge--warning">
          {t('recordPage.badge.deceased', { date: formatDate(page.person.deceasedOn) })}
        </span>
      )}
      {page.restriction && (
        <span className="badge badge--warning">
          {t('restriction.badge', { date: formatDate(page.restriction.placedOn) })}
        </span>
      )}
      {page.person.addressProtected === true && (
        <span className="badge badge--warning">{t('protection.badge')}</span>
      )}
      {overdue > 0 && (
        <span className="badge badge--warning">
          {t('recordPage.badge.overdueInvoices', { count: overdue })}
        </span>
      )}
      {open > 0 && (
        <span className="badge">{t('recordPage.badge.openInvoices', { count: open })}</span>
      )}
      {openRequests !== undefined && openRequests > 0 && (
        <span className="badge badge--person">
          {t('recordPage.badge.openRequests', { count: openRequests })}
        </span>
      )}
      {objections !== undefined && objections > 0 && (
        <span className="badge badge--warning">
          {t('recordPage.badge.objections', { count: objections })}
        </span>
      )}
      {legalHold && <span className="badge badge--warning">{t('recordPage.badge.legalHold')}</span>}
      {page.socialServicesClient === true && (
        <span className="badge badge--person">{t('recordPage.badge.socialServicesClient')}</span>
      )}
    </>
  );
}

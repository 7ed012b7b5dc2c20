import { Heading, Paragraph } from 'suomifi-ui-components';
import { SESSION_COOKIE } from '../../../contract/auth/session-cookie.ts';
import {
  RESIDENT_SESSION_COOKIE,
  RESIDENT_TRANSACTION_COOKIE,
} from '../../../contract/resident/resident.constants.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** The cookie notice: the sessions' cookies, each strictly necessary, so no consent banner. */
export function CookiesPage() {
  const { t } = useI18n();
  return (
    <article className="statement">
      <Heading variant="h1">{t('public.cookies.title')}</Heading>
      <Paragraph>{t('public.cookies.intro')}</Paragraph>
      <table className="cookie-table">
        <thead>
          <tr>
            <th scope="col">{t('public.cookies.name')}</th>
            <th scope="col">{t('public.cookies.purpose')}</th>
            <th scope="col">{t('public.cookies.duration')}</th>
          </tr>
        </thead>
        <tbody>
          {COOKIES.map(({ name, purpose, duration }) => (
            <tr key={name}>
              <td>
                <code>{name}</code>
              </td>
              <td>{t(purpose)}</td>
              <td>{t(duration)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Paragraph>{t('public.cookies.none')}</Paragraph>
    </article>
  );
}

const COOKIES = [
  {
    name: SESSION_COOKIE,
    purpose: 'public.cookies.sessionPurpose',
    duration: 'public.cookies.sessionDuration',
  },
  {
    name: RESIDENT_SESSION_COOKIE,
    purpose: 'public.cookies.residentPurpose',
    duration: 'public.cookies.residentDuration',
  },
  {
    name: RESIDENT_TRANSACTION_COOKIE,
    purpose: 'public.cookies.transactionPurpose',
    duration: 'public.cookies.transactionDuration',
  },
] as const;

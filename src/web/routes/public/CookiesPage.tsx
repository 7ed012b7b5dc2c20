import { Heading, Paragraph } from 'suomifi-ui-components';
import { SESSION_COOKIE } from '../../../contract/auth/session-cookie.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** The cookie notice: one cookie, strictly necessary, so no consent banner. */
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
          <tr>
            <td>
              <code>{SESSION_COOKIE}</code>
            </td>
            <td>{t('public.cookies.sessionPurpose')}</td>
            <td>{t('public.cookies.sessionDuration')}</td>
          </tr>
        </tbody>
      </table>
      <Paragraph>{t('public.cookies.none')}</Paragraph>
    </article>
  );
}

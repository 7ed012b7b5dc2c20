import { privacyStatementApi } from '../../../contract/privacy-statement/privacy-statement.endpoints.ts';
import { Loaded } from '../../components/Loaded.tsx';
import { useCall } from '../../data.ts';
import { formatDate } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { NotPublished } from './NotPublished.tsx';
import { StatementArticle } from './Statement.tsx';

/** The privacy statement as the register generates it, in the page's language. */
export function PrivacyStatementPage() {
  const { t, language } = useI18n();
  const statement = useCall(privacyStatementApi.statement, { query: { lang: language } });
  return (
    <Loaded query={statement} failed={(error) => <NotPublished error={error} />}>
      {(shown) => (
        <StatementArticle
          language={shown.language}
          title={shown.title}
          sections={shown.sections}
          lines={
            <>
              <p className="statement__register">
                {shown.registerName} · {shown.controllerName}
              </p>
              <p className="statement__changed">
                {t('public.statement.lastChanged', { date: formatDate(shown.lastChangedOn) })}
              </p>
            </>
          }
        />
      )}
    </Loaded>
  );
}

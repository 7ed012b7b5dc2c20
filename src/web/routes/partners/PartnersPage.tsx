import { Link } from 'react-router';
import { Paragraph, RouterLink } from 'suomifi-ui-components';
import { partnersApi } from '../../../contract/partners/partners.endpoints.ts';
import type { PartnerView } from '../../../contract/partners/partners.schemas.ts';
import { Loaded } from '../../components/Loaded.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useCall } from '../../data.ts';
import { countryName, formatDate } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** The partner registry: who acts for the municipality, where, and what their contract opens. */
export function PartnersPage() {
  const { t } = useI18n();
  const partners = useCall(partnersApi.list, {});

  return (
    <div className="partners">
      <PageHeading title={t('partners.title')} />
      <Paragraph mb="m">{t('partners.intro')}</Paragraph>
      <p>
        <RouterLink asComponent={Link} to="/partners/new">
          {t('partners.createTitle')}
        </RouterLink>
      </p>

      <Loaded query={partners}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="muted">{t('partners.none')}</p>
          ) : (
            <div className="log-table__scroll">
              <table className="log-table">
                <caption className="visually-hidden">{t('partners.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('partners.name')}</th>
                    <th scope="col">{t('partners.businessId')}</th>
                    <th scope="col">{t('partners.country')}</th>
                    <th scope="col">{t('partners.contractFields')}</th>
                    <th scope="col">{t('partners.contractEndsOn')}</th>
                    <th scope="col">{t('partners.customerCount')}</th>
                    <th scope="col">{t('partners.accountCount')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((partner) => (
                    <tr key={partner.id}>
                      <th scope="row">
                        <RouterLink asComponent={Link} to={`/partners/${partner.id}`}>
                          {partner.name}
                        </RouterLink>
                      </th>
                      <td>{partner.businessId}</td>
                      <td>
                        <CountryText partner={partner} />
                      </td>
                      <td>
                        <ContractFieldsText partner={partner} />
                      </td>
                      <td>
                        <ContractEnd partner={partner} />
                      </td>
                      <td>{partner.customerCount}</td>
                      <td>{partner.accountCount}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
    </div>
  );
}

/** The country by name; outside the EU/EEA it says so, where the privacy statement needs care. */
export function CountryText({ partner }: { partner: Pick<PartnerView, 'country' | 'inEea'> }) {
  const { t, language } = useI18n();
  return (
    <>
      {countryName(partner.country, language)}
      {!partner.inEea && (
        <>
          {' '}
          <span className="badge badge--warning">{t('partners.outsideEea')}</span>
        </>
      )}
    </>
  );
}

export function ContractFieldsText({ partner }: { partner: Pick<PartnerView, 'contractFields'> }) {
  const { t } = useI18n();
  return <>{partner.contractFields.map((group) => t(`partners.group.${group}`)).join(', ')}</>;
}

export function ContractEnd({
  partner,
}: {
  partner: Pick<PartnerView, 'contractEndsOn' | 'contractInForce'>;
}) {
  const { t } = useI18n();
  if (!partner.contractEndsOn) return <>{t('partners.untilFurtherNotice')}</>;
  return (
    <>
      {formatDate(partner.contractEndsOn)}
      {!partner.contractInForce && (
        <>
          {' '}
          <span className="badge">{t('partners.ended')}</span>
        </>
      )}
    </>
  );
}

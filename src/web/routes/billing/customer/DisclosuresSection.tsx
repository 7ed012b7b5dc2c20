import { Section } from '../../../components/Section.tsx';
import { countryName, formatDateTime } from '../../../format.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { DataSubjectRecipient } from '../../requests/access/DataSubjectRecipient.tsx';
import { disclosuresApi } from '../../../../contract/disclosures/disclosures.endpoints.ts';
import type { CustomerDisclosure } from '../../../../contract/disclosures/disclosures.schemas.ts';
import {
  CustomerTable,
  useCustomerCall,
  type BillingCustomer,
  type Loaded,
} from './customer-list.tsx';
import type { Answer } from '../../../../contract/endpoint.ts';

/** Who made a disclosure: their name, else their username, else that the account is gone. */
function madeBy(disclosure: CustomerDisclosure, gone: string): string {
  const { fullName, username } = disclosure.disclosedBy;
  return fullName ?? username ?? gone;
}

/**
 * The disclosures of the customer's data to partners, newest first: when, to whom, on what
 * basis, which of the customer's fields went, and by whom. One that included a protected address
 * is flagged for the register officer's review.
 */
export function DisclosuresSection({
  customer,
  loaded,
}: {
  customer: BillingCustomer;
  loaded?: Loaded<Answer<typeof disclosuresApi.ofPerson>> | undefined;
}) {
  const { t, language } = useI18n();
  const disclosures = useCustomerCall(
    customer.kind === 'person' ? disclosuresApi.ofPerson : disclosuresApi.ofOrganization,
    { params: { id: customer.id } },
    loaded,
  );

  return (
    <Section title={t('disclosures.title')} className="record__wide">
      <CustomerTable
        list={disclosures}
        items={disclosures.data?.items ?? null}
        caption={t('disclosures.title')}
        empty={t('disclosures.none')}
        columns={[
          { label: t('disclosures.date') },
          { label: t('disclosures.recipient') },
          { label: t('disclosures.legalBasis') },
          { label: t('disclosures.fields') },
          { label: t('disclosures.madeBy') },
          { label: t('disclosures.file') },
        ]}
        row={(disclosure) => (
          <tr
            key={disclosure.id}
            className={disclosure.flagged ? 'log-table__row--flagged' : undefined}
          >
            <th scope="row" className="log-table__time">
              {formatDateTime(disclosure.disclosedAt)}
              {disclosure.flagged && (
                <div className="log-table__flag">
                  <span className="badge badge--warning">{t('disclosures.flagged')}</span>
                </div>
              )}
            </th>
            <td>
              {disclosure.partner ? (
                <>
                  <div>{disclosure.partner.name}</div>
                  <div className="muted">
                    {countryName(disclosure.partner.country, language)}
                    {!disclosure.partner.inEea && ` · ${t('disclosures.outsideEea')}`}
                  </div>
                </>
              ) : (
                <DataSubjectRecipient disclosure={disclosure} />
              )}
            </td>
            <td>{t(`disclosures.basis.${disclosure.legalBasis}`)}</td>
            <td>
              {disclosure.customer.fields.join(', ')}
              {Object.keys(disclosure.customer.omitted).length > 0 && (
                <div className="muted">
                  {t('disclosures.omitted', {
                    fields: Object.keys(disclosure.customer.omitted).join(', '),
                  })}
                </div>
              )}
            </td>
            <td>{madeBy(disclosure, t('disclosures.accountGone'))}</td>
            <td className="billing-table__reference">{disclosure.file.name}</td>
          </tr>
        )}
      />
    </Section>
  );
}

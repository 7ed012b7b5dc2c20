import type { ReactNode, Ref } from 'react';
import { Link } from 'react-router';
import { RouterLink } from 'suomifi-ui-components';
import type { SearchItem } from '../../../contract/search/search.schemas.ts';
import type { Address } from '../../api.ts';
import { ProtectedAddress } from '../../components/AddressText.tsx';
import { addressLines } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** One person or organisation in the results: enough to tell namesakes apart. */
export function SearchResult({
  item,
  linkRef,
}: {
  item: SearchItem;
  linkRef: Ref<HTMLAnchorElement>;
}) {
  const { t, language } = useI18n();
  const address = (value: Address | null | undefined) =>
    value ? addressLines(value, language).join(', ') : null;

  const facts: { label: string; value: ReactNode }[] =
    item.kind === 'person'
      ? [
          { label: t('person.identityCode'), value: item.person.personalIdentityCode },
          { label: t('common.phone'), value: item.person.phoneDisplay },
          { label: t('common.email'), value: item.person.email },
          {
            label: t('common.address'),
            value: item.person.addressProtected ? (
              <ProtectedAddress />
            ) : (
              address(item.person.address)
            ),
          },
        ]
      : [
          { label: t('organization.businessId'), value: item.organization.businessId },
          { label: t('common.phone'), value: item.organization.phoneDisplay },
          { label: t('common.email'), value: item.organization.email },
          { label: t('common.address'), value: address(item.organization.address) },
        ];

  const to =
    item.kind === 'person'
      ? `/persons/${item.person.id}`
      : `/organizations/${item.organization.id}`;
  const name =
    item.kind === 'person'
      ? `${item.person.lastName}, ${item.person.firstName}`
      : item.organization.name;
  const archived =
    (item.kind === 'person' ? item.person.archivedAt : item.organization.archivedAt) !== null;

  return (
    <li className={`result result--${item.kind}`}>
      <div className="result__head">
        <h3 className="result__name">
          <RouterLink asComponent={Link} to={to} ref={linkRef}>
            {name}
          </RouterLink>
        </h3>
        <span className={`badge badge--${item.kind}`}>{t(`kind.${item.kind}`)}</span>
        {archived && <span className="badge">{t('common.archived')}</span>}
      </div>
      <dl className="result__facts">
        {facts
          // Left out: what is not given, and what a contractor's contract does not open.
          .filter((fact) => fact.value !== null && fact.value !== undefined && fact.value !== '')
          .map((fact) => (
            <div key={fact.label}>
              <dt>{fact.label}</dt>
              <dd>{fact.value}</dd>
            </div>
          ))}
      </dl>
    </li>
  );
}

import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  Button,
  Checkbox,
  Dropdown,
  DropdownItem,
  Heading,
  Paragraph,
  RouterLink,
} from 'suomifi-ui-components';
import { LoadMore } from '../../../components/LoadMore.tsx';
import { Loading, ProblemNotice } from '../../../components/Notices.tsx';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { usePages } from '../../../data.ts';
import { formatDateTime } from '../../../format.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useMe } from '../../../session.tsx';
import { staffName } from '../../../../contract/staff/staff-name.ts';
import { DataSubjectRecipient } from '../../requests/access/DataSubjectRecipient.tsx';
import { disclosuresApi } from '../../../../contract/disclosures/disclosures.endpoints.ts';
import type { DisclosureSummary } from '../../../../contract/disclosures/disclosures.schemas.ts';
import {
  disclosureFiltersFrom,
  disclosureFiltersToParams,
  disclosureQuery,
  isLegalBasis,
  LEGAL_BASES,
  LEGAL_BASIS_LABELS,
  type DisclosureFilters,
} from './disclosure-register.ts';
import './billing-admin.css';

const PAGE_SIZE = 50;

/**
 * The register of disclosures: what of customers' data went to which partner, on what legal
 * basis, by whom. Items name no persons; a disclosure's page does (and reading it is logged).
 */
export function DisclosureRegisterPage() {
  const { t } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filters = disclosureFiltersFrom(params);
  const key = JSON.stringify(filters);
  const [draft, setDraft] = useState<DisclosureFilters>(filters);
  const results = usePages(disclosuresApi.list, {
    query: { ...disclosureQuery(filters), limit: PAGE_SIZE },
  });

  // Back and forward change the filters in the URL: the form follows them.
  const [shownKey, setShownKey] = useState(key);
  if (shownKey !== key) {
    setShownKey(key);
    setDraft(filters);
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(disclosureFiltersToParams(draft));
  };

  /** The same filters with this partner's disclosures only. */
  const partnerLink = (partnerId: string) =>
    `/disclosures?${new URLSearchParams(disclosureFiltersToParams({ ...filters, partnerId }))}`;
  const partnerName = results.items.find((item) => item.partner?.id === filters.partnerId)?.partner
    ?.name;
  const filtered = Object.keys(disclosureFiltersToParams(filters)).length > 0;

  return (
    <div className="billing-admin">
      <PageHeading title={t('disclosureRegister.title')} />
      <Paragraph mb="m">{t('disclosureRegister.intro')}</Paragraph>
      {me.can('disclosures.make') && (
        <p>
          <RouterLink asComponent={Link} to="/disclosures/new">
            {t('disclosureForm.new')}
          </RouterLink>
        </p>
      )}

      <form
        className="log-filters"
        onSubmit={submit}
        noValidate
        aria-labelledby="disclosure-filters"
      >
        <Heading variant="h2" id="disclosure-filters" className="visually-hidden">
          {t('disclosureRegister.filters')}
        </Heading>
        <div className="log-filters__grid">
          <Dropdown
            labelText={t('disclosureRegister.legalBasis')}
            value={draft.legalBasis || 'all'}
            onChange={(value: string) =>
              setDraft((current) => ({ ...current, legalBasis: isLegalBasis(value) ? value : '' }))
            }
          >
            {['all', ...LEGAL_BASES].map((option) => (
              <DropdownItem key={option} value={option}>
                {isLegalBasis(option)
                  ? t(LEGAL_BASIS_LABELS[option])
                  : t('disclosureRegister.allLegalBases')}
              </DropdownItem>
            ))}
          </Dropdown>
          <Checkbox
            className="log-filters__flag"
            checked={draft.flagged}
            hintText={t('disclosureRegister.flaggedOnlyHint')}
            onClick={({ checkboxState }) =>
              setDraft((current) => ({ ...current, flagged: checkboxState }))
            }
          >
            {t('disclosureRegister.flaggedOnly')}
          </Checkbox>
        </div>
        {filters.partnerId && (
          <p>
            {t('disclosureRegister.partnerFilter', {
              name: partnerName ?? filters.partnerId,
            })}{' '}
            <RouterLink
              asComponent={Link}
              to={`/disclosures?${new URLSearchParams(
                disclosureFiltersToParams({ ...filters, partnerId: '' }),
              )}`}
            >
              {t('disclosureRegister.allPartners')}
            </RouterLink>
          </p>
        )}
        <div className="log-filters__actions">
          <Button type="submit">{t('disclosureRegister.show')}</Button>
          {filtered && (
            <RouterLink asComponent={Link} to="/disclosures">
              {t('disclosureRegister.clear')}
            </RouterLink>
          )}
        </div>
      </form>

      <div className="search-results">
        {results.status === 'loading' && <Loading />}
        {results.status === 'failed' && <ProblemNotice error={results.error} />}
        {/* Always in the page, so a screen reader announces each new count. */}
        <p className="search-results__status" role="status">
          {results.status === 'ready' &&
            (results.items.length === 0
              ? t('disclosureRegister.none')
              : `${t(
                  results.items.length === 1
                    ? 'disclosureRegister.countOne'
                    : 'disclosureRegister.countMany',
                  { count: results.items.length },
                )}${results.hasMore ? ` ${t('disclosureRegister.moreAvailable')}` : ''}`)}
        </p>
      </div>

      {results.items.length > 0 && (
        <>
          <DisclosureTable items={results.items} partnerLink={partnerLink} />
          <LoadMore
            pages={results}
            onLoad={() => results.loadMore()}
            label={t('disclosureRegister.loadMore')}
          />
        </>
      )}
    </div>
  );
}

function DisclosureTable({
  items,
  partnerLink,
}: {
  items: DisclosureSummary[];
  partnerLink: (partnerId: string) => string;
}) {
  const { t } = useI18n();
  return (
    <div className="log-table__scroll">
      <table className="log-table">
        <caption className="visually-hidden">{t('disclosureRegister.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('disclosureRegister.disclosedAt')}</th>
            <th scope="col">{t('disclosureRegister.partner')}</th>
            <th scope="col">{t('disclosureRegister.legalBasis')}</th>
            <th scope="col">{t('disclosureRegister.subjectCount')}</th>
            <th scope="col">{t('disclosureRegister.fields')}</th>
            <th scope="col">{t('disclosureRegister.disclosedBy')}</th>
            <th scope="col">{t('disclosureRegister.flagged')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} className={item.flagged ? 'log-table__row--flagged' : undefined}>
              <th scope="row" className="log-table__time">
                <RouterLink
                  asComponent={Link}
                  to={`/disclosures/${item.id}`}
                  aria-label={t('disclosureRegister.openNamed', {
                    time: formatDateTime(item.disclosedAt),
                    name: item.partner?.name ?? t('access.toDataSubject'),
                  })}
                >
                  {formatDateTime(item.disclosedAt)}
                </RouterLink>
              </th>
              <td>
                {item.partner ? (
                  <>
                    <RouterLink
                      asComponent={Link}
                      to={partnerLink(item.partner.id)}
                      aria-label={t('disclosureRegister.partnerOnly', { name: item.partner.name })}
                    >
                      {item.partner.name}
                    </RouterLink>
                    {!item.partner.inEea && (
                      <div>
                        <span className="badge badge--warning">{t('partners.outsideEea')}</span>
                      </div>
                    )}
                  </>
                ) : (
                  <DataSubjectRecipient disclosure={item} />
                )}
              </td>
              <td>
                {t(LEGAL_BASIS_LABELS[item.legalBasis])}
                {item.purpose && <div className="muted">{item.purpose}</div>}
              </td>
              <td>{item.subjectCount}</td>
              <td className="billing-admin__fields">{item.fields.join(', ')}</td>
              <td>
                <DisclosedBy by={item.disclosedBy} />
              </td>
              <td>
                <FlaggedText flagged={item.flagged} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DisclosedBy({ by }: { by: DisclosureSummary['disclosedBy'] }) {
  const { t } = useI18n();
  if (!by.username) return <span className="muted">{t('disclosureRegister.unknownUser')}</span>;
  return <>{staffName({ username: by.username, fullName: by.fullName })}</>;
}

/** A protected address went with it: the register officer reviews it. */
export function FlaggedText({ flagged }: { flagged: boolean }) {
  const { t } = useI18n();
  return flagged ? (
    <span className="badge badge--warning">{t('disclosureRegister.flaggedBadge')}</span>
  ) : (
    <span className="muted">{t('disclosureRegister.notFlagged')}</span>
  );
}

import { useId } from 'react';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { Button, Heading, Paragraph, RouterLink } from 'suomifi-ui-components';
import { LoadMore } from '../../../components/LoadMore.tsx';
import { PageHeading } from '../../../components/PageHeading.tsx';
import type { Pages } from '../../../data.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { CustomerTable } from '../customer/customer-list.tsx';
import { BillingListsNav } from './BillingListsNav.tsx';
import { ListStatus } from './list-parts.tsx';
import type { UrlFilters } from './list-filters.ts';
import './lists.css';

/** How many rows a list reads at a time. */
export const LIST_PAGE_SIZE = 50;

/** A column of a list: its heading and each row's cell; the first column heads its row. */
export type ListColumn<T> = {
  label: string;
  /** A column of sums, right-aligned. */
  amount?: boolean;
  className?: string;
  cell: (item: T) => ReactNode;
};

/**
 * One of billing's lists across customers (decision 0025): the heading and the lists' tabs, the
 * filters kept in the URL (`filters`, when the list has any: their fields, and a line under them
 * such as "the invoices of one run"), the rows' count or why they could not be read, the table
 * and "show more". Each list declares only its endpoint's read, its filters and its columns.
 */
export function ListPage<T extends { id: string }, Name extends string>({
  title,
  intro,
  filters,
  results,
  caption,
  none,
  columns,
}: {
  title: string;
  intro: string;
  filters?: { url: UrlFilters<Name>; fields: ReactNode; note?: ReactNode };
  results: Pages<T>;
  caption: string;
  /** What the status line says when there are no rows. */
  none: string;
  columns: ListColumn<T>[];
}) {
  const { t } = useI18n();
  return (
    <div className="billing-lists">
      <PageHeading title={title} />
      <BillingListsNav />
      <Paragraph mb="m">{intro}</Paragraph>
      {filters && <FilterForm {...filters} />}
      <ListStatus results={results} none={none} />
      {results.status === 'ready' && results.items.length > 0 && (
        <>
          <CustomerTable
            list={{ data: results, error: null }}
            items={results.items}
            caption={caption}
            empty={none}
            columns={columns}
            row={(item) => (
              <tr key={item.id}>
                {columns.map((column, index) => {
                  const className = column.amount ? 'billing-table__amount' : column.className;
                  return index === 0 ? (
                    <th key={column.label} scope="row" className={className}>
                      {column.cell(item)}
                    </th>
                  ) : (
                    <td key={column.label} className={className}>
                      {column.cell(item)}
                    </td>
                  );
                })}
              </tr>
            )}
          />
          <LoadMore
            pages={results}
            onLoad={() => results.loadMore()}
            label={t('billingLists.loadMore')}
          />
        </>
      )}
    </div>
  );
}

/** The filters' form: sent, it puts them in the URL; "clear" goes back to the whole list. */
function FilterForm<Name extends string>({
  url,
  fields,
  note,
}: {
  url: UrlFilters<Name>;
  fields: ReactNode;
  note?: ReactNode;
}) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const headingId = useId();
  return (
    <form className="log-filters" onSubmit={url.submit} noValidate aria-labelledby={headingId}>
      <Heading variant="h2" id={headingId} className="visually-hidden">
        {t('billingLists.filters')}
      </Heading>
      <div className="billing-lists__filters">{fields}</div>
      {note}
      <div className="log-filters__actions">
        <Button type="submit">{t('billingLists.show')}</Button>
        {url.filtered && (
          <RouterLink asComponent={Link} to={pathname}>
            {t('billingLists.clear')}
          </RouterLink>
        )}
      </div>
    </form>
  );
}

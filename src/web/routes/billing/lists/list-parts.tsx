import { Link } from 'react-router';
import { RouterLink } from 'suomifi-ui-components';
import { DateField, SelectField, TextField } from '../../../components/Fields.tsx';
import { Loading, ProblemNotice } from '../../../components/Notices.tsx';
import type { FormController } from '../../../components/useContractForm.ts';
import type { Pages } from '../../../data.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { ALL } from './list-filters.ts';

/** The customer of a row, linked to their page. */
export function CustomerCell({
  customer,
}: {
  customer: { kind: 'person' | 'organization'; id: string; name: string };
}) {
  const { t } = useI18n();
  return (
    <>
      <RouterLink
        asComponent={Link}
        to={`/${customer.kind === 'person' ? 'persons' : 'organizations'}/${customer.id}`}
      >
        {customer.name}
      </RouterLink>
      {customer.kind === 'organization' && (
        <div className="muted">{t('billingLists.organization')}</div>
      )}
    </>
  );
}

/** Loading, a failure, or how many rows the list has (announced each time it changes). */
export function ListStatus<T>({ results, none }: { results: Pages<T>; none: string }) {
  const { t } = useI18n();
  return (
    <div className="search-results">
      {results.status === 'loading' && <Loading />}
      {results.status === 'failed' && <ProblemNotice error={results.error} />}
      <p className="search-results__status" role="status">
        {results.status === 'ready' &&
          (results.items.length === 0
            ? none
            : `${t(
                results.items.length === 1 ? 'billingLists.countOne' : 'billingLists.countMany',
                { count: results.items.length },
              )}${results.hasMore ? ` ${t('billingLists.moreAvailable')}` : ''}`)}
      </p>
    </div>
  );
}

/** The filter by a part of the customer's name (`customer`). */
export function CustomerFilter({ form }: { form: FormController }) {
  const { t } = useI18n();
  return (
    <TextField
      form={form}
      path="customer"
      label={t('billingLists.customer')}
      hint={t('billingLists.customerHint')}
    />
  );
}

/** A choice for each value, labelled by `label`. */
export const choicesOf = <V extends string>(values: readonly V[], label: (value: V) => string) =>
  values.map((value) => ({ value, label: label(value) }));

/** A filter of one choice, "all" first. */
export function ChoiceFilter({
  form,
  path,
  label,
  options,
}: {
  form: FormController;
  path: string;
  label: string;
  options: { value: string; label: string }[];
}) {
  const { t } = useI18n();
  return (
    <SelectField
      form={form}
      path={path}
      label={label}
      options={[{ value: ALL, label: t('billingLists.all') }, ...options]}
    />
  );
}

/** Two filters of days, from and to (both included). */
export function DayRangeFilter({
  form,
  from,
  to,
}: {
  form: FormController;
  from: { path: string; label: string };
  to: { path: string; label: string };
}) {
  const { t } = useI18n();
  return (
    <>
      {[from, to].map((day) => (
        <DateField
          key={day.path}
          form={form}
          path={day.path}
          label={day.label}
          hint={t('billingLists.dateHint')}
        />
      ))}
    </>
  );
}

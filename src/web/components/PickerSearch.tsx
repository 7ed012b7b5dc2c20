import { useState } from 'react';
import { Button, TextInput } from 'suomifi-ui-components';
import type { CallInput, Endpoint } from '../../contract/endpoint.ts';
import { ApiError, type FieldProblem } from '../client.ts';
import { useCall } from '../data.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/**
 * A picker's search through the data layer: the term as typed, and the search read (and logged)
 * when asked, not as one types. A problem the server finds with the term (`q`, e.g. too short)
 * is the field's, not the page's.
 */
export function usePickerSearch<E extends Endpoint>(
  declared: E,
  inputOf: (q: string) => CallInput<E>,
) {
  const [query, setQuery] = useState('');
  const [asked, setAsked] = useState('');
  const searched = useCall(declared, inputOf(asked), { enabled: asked !== '' });
  const problem =
    searched.error instanceof ApiError ? searched.error.problem.errors?.[0] : undefined;
  const queryProblem: FieldProblem | null = asked !== '' && problem?.field === 'q' ? problem : null;
  return {
    query,
    setQuery,
    /** Searches for the term typed (an empty one asks nothing; the same one reads again). */
    search: () => {
      const q = query.trim();
      if (q !== '' && q === asked) void searched.refetch();
      setAsked(q);
    },
    /** Forgets the answer, and with `typed` the term too (e.g. once a result was chosen). */
    forget: (typed = false) => {
      setAsked('');
      if (typed) setQuery('');
    },
    /** The answer for the term asked; undefined before one is read, or when the term was refused. */
    answer: asked === '' || queryProblem ? undefined : searched.data,
    queryProblem,
    /** Why the search failed otherwise, or null. */
    failure: asked !== '' && searched.isError && !queryProblem ? searched.error : null,
    busy: searched.isFetching,
  };
}

/** What `usePickerSearch` gives a picker. */
export type PickerSearchState = ReturnType<typeof usePickerSearch>;

/**
 * The search row of a picker (a field and its Search button) over its `usePickerSearch`. Enter
 * searches; inside a larger form it must not send the whole form.
 */
export function PickerSearch({
  id,
  label,
  hint,
  searched,
  error,
}: {
  id: string;
  label: string;
  hint: string;
  searched: Pick<PickerSearchState, 'query' | 'setQuery' | 'search' | 'busy'>;
  error: string | null;
}) {
  const { t } = useI18n();
  return (
    <div className="picker__search">
      <TextInput
        id={id}
        labelText={label}
        hintText={hint}
        value={searched.query}
        autoComplete="off"
        onChange={(value) => searched.setQuery(value === undefined ? '' : String(value))}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            searched.search();
          }
        }}
        status={error ? 'error' : 'default'}
        statusText={error ?? undefined}
        fullWidth
      />
      <Button variant="secondary" onClick={searched.search} disabled={searched.busy}>
        {t('common.search')}
      </Button>
    </div>
  );
}

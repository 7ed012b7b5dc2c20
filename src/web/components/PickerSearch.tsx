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
    /** Searches for the term typed (an empty one asks nothing). */
    search: () => setAsked(query.trim()),
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

/**
 * The search row of a picker (a field and its Search button). Enter searches; inside a larger
 * form it must not send the whole form.
 */
export function PickerSearch({
  id,
  label,
  hint,
  query,
  onQuery,
  error,
  onSearch,
  busy,
}: {
  id: string;
  label: string;
  hint: string;
  query: string;
  onQuery: (query: string) => void;
  error: string | null;
  onSearch: () => void;
  busy: boolean;
}) {
  const { t } = useI18n();
  return (
    <div className="picker__search">
      <TextInput
        id={id}
        labelText={label}
        hintText={hint}
        value={query}
        autoComplete="off"
        onChange={(value) => onQuery(value === undefined ? '' : String(value))}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            onSearch();
          }
        }}
        status={error ? 'error' : 'default'}
        statusText={error ?? undefined}
        fullWidth
      />
      <Button variant="secondary" onClick={onSearch} disabled={busy}>
        {t('common.search')}
      </Button>
    </div>
  );
}

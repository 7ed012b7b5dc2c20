import { Button, TextInput } from 'suomifi-ui-components';
import { useI18n } from '../i18n/I18nProvider.tsx';

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

import { useState } from 'react';
import { Button } from 'suomifi-ui-components';
import { accessLogApi } from '../../../contract/access-log/access-log.endpoints.ts';
import { searchApi } from '../../../contract/search/search.endpoints.ts';
import { ApiError, call } from '../../client.ts';
import { ProblemNotice } from '../../components/Notices.tsx';
import { PickerSearch } from '../../components/PickerSearch.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** One found person or staff member: shown by name, with a detail that tells namesakes apart. */
export type Pick = { id: string; name: string; detail: string | null };

type Found =
  { state: 'idle' } | { state: 'found'; items: Pick[] } | { state: 'failed'; error: unknown };

/** A person by the register's search: name and masked identity code. */
export const findPersons = async (q: string): Promise<Pick[]> =>
  (await call(searchApi.search, { query: { q, kind: 'person', limit: 10 } })).items.flatMap(
    (item) =>
      item.kind === 'person'
        ? [
            {
              id: item.person.id,
              name: `${item.person.firstName} ${item.person.lastName}`,
              detail: item.person.personalIdentityCode ?? null,
            },
          ]
        : [],
  );

/** A staff member by username or full name. */
export const findUsers = async (q: string): Promise<Pick[]> =>
  (await call(accessLogApi.users, { query: { q } })).items.map((user) => ({
    id: user.id,
    name: user.fullName ?? user.username,
    detail: user.username,
  }));

/**
 * A filter of the log chosen by typing a name (the PersonPicker's pattern, outside a form): the
 * chosen one's id goes to the filter, its name stays on screen.
 */
export function LogPicker({
  id,
  texts,
  chosen,
  onChoose,
  find,
}: {
  id: string;
  texts: { find: string; hint: string; chosen: string };
  chosen: Pick | null;
  onChoose: (pick: Pick | null) => void;
  find: (q: string) => Promise<Pick[]>;
}) {
  const { t, errorText } = useI18n();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Found>({ state: 'idle' });
  const [queryError, setQueryError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const search = () => {
    const q = query.trim();
    if (q === '') return;
    setBusy(true);
    setQueryError(null);
    find(q).then(
      (items) => {
        setBusy(false);
        setFound({ state: 'found', items });
      },
      (failure: unknown) => {
        setBusy(false);
        const field = failure instanceof ApiError ? failure.problem.errors?.[0] : undefined;
        if (field?.field === 'q') {
          setQueryError(errorText(field));
          setFound({ state: 'idle' });
        } else {
          setFound({ state: 'failed', error: failure });
        }
      },
    );
  };

  if (chosen) {
    return (
      <div className="picker">
        <p className="picker__chosen">
          <span>
            {texts.chosen} <strong>{chosen.name}</strong>
            {chosen.detail && <span className="muted"> · {chosen.detail}</span>}
          </span>
          <Button
            variant="secondaryNoBorder"
            onClick={() => {
              onChoose(null);
              setFound({ state: 'idle' });
            }}
          >
            {t('logHuman.change')}
          </Button>
        </p>
      </div>
    );
  }
  return (
    <div className="picker">
      <PickerSearch
        id={id}
        label={texts.find}
        hint={texts.hint}
        query={query}
        onQuery={setQuery}
        error={queryError}
        onSearch={search}
        busy={busy}
      />
      <div aria-live="polite">
        {found.state === 'failed' && <ProblemNotice error={found.error} />}
        {found.state === 'found' &&
          (found.items.length === 0 ? (
            <p className="muted">{t('logHuman.noneFound')}</p>
          ) : (
            <ul className="picker__results">
              {found.items.map((pick) => (
                <li key={pick.id}>
                  <span>
                    <strong>{pick.name}</strong>
                    {pick.detail && <span className="muted"> · {pick.detail}</span>}
                  </span>
                  <Button
                    variant="secondaryNoBorder"
                    aria-label={t('logHuman.chooseNamed', { name: pick.name })}
                    onClick={() => onChoose(pick)}
                  >
                    {t('logHuman.choose')}
                  </Button>
                </li>
              ))}
            </ul>
          ))}
      </div>
    </div>
  );
}

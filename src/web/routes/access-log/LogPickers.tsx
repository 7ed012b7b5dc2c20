import { Button } from 'suomifi-ui-components';
import { accessLogApi } from '../../../contract/access-log/access-log.endpoints.ts';
import type { Answer, CallInput, Endpoint } from '../../../contract/endpoint.ts';
import { searchApi } from '../../../contract/search/search.endpoints.ts';
import { ProblemNotice } from '../../components/Notices.tsx';
import { PickerSearch, usePickerSearch } from '../../components/PickerSearch.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** One found person or staff member: shown by name, with a detail that tells namesakes apart. */
export type Pick = { id: string; name: string; detail: string | null };

/** Where a picker finds its picks: an endpoint of the contract, asked with the term typed. */
type Source<E extends Endpoint> = {
  endpoint: E;
  input: (q: string) => CallInput<E>;
  picks: (answer: Answer<E>) => Pick[];
};

/** Persons by the register's search: name and masked identity code. */
export const PERSONS: Source<typeof searchApi.search> = {
  endpoint: searchApi.search,
  input: (q) => ({ query: { q, kind: 'person', limit: 10 } }),
  picks: (answer) =>
    answer.items.flatMap((item) =>
      item.kind === 'person'
        ? [
            {
              id: item.person.id,
              name: `${item.person.firstName} ${item.person.lastName}`,
              detail: item.person.personalIdentityCode ?? null,
            },
          ]
        : [],
    ),
};

/** Staff by username or full name. */
export const USERS: Source<typeof accessLogApi.users> = {
  endpoint: accessLogApi.users,
  input: (q) => ({ query: { q } }),
  picks: (answer) =>
    answer.items.map((user) => ({
      id: user.id,
      name: user.fullName ?? user.username,
      detail: user.username,
    })),
};

/**
 * A filter of the log chosen by typing a name (the PersonPicker's pattern, outside a form): the
 * chosen one's id goes to the filter, its name stays on screen.
 */
export function LogPicker<E extends Endpoint>({
  id,
  texts,
  chosen,
  onChoose,
  source,
}: {
  id: string;
  texts: { find: string; hint: string; chosen: string };
  chosen: Pick | null;
  onChoose: (pick: Pick | null) => void;
  source: Source<E>;
}) {
  const { t, errorText } = useI18n();
  const searched = usePickerSearch(source.endpoint, source.input);
  const found = searched.answer === undefined ? undefined : source.picks(searched.answer);

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
              searched.forget();
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
        searched={searched}
        error={searched.queryProblem && errorText(searched.queryProblem)}
      />
      <div aria-live="polite">
        {searched.failure !== null && <ProblemNotice error={searched.failure} />}
        {found &&
          (found.length === 0 ? (
            <p className="muted">{t('logHuman.noneFound')}</p>
          ) : (
            <ul className="picker__results">
              {found.map((pick) => (
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

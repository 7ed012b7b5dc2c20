import { useState } from 'react';
import { Button } from 'suomifi-ui-components';
import { searchApi } from '../../contract/search/search.endpoints.ts';
import type { PersonSummary } from '../api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { fieldId } from './form.ts';
import { ProblemNotice } from './Notices.tsx';
import { PickerSearch, usePickerSearch } from './PickerSearch.tsx';
import type { FormController } from './useContractForm.ts';

/** The person a picker shows as chosen; a preselected one needs no identity code. */
export type PickedPerson = Pick<PersonSummary, 'id' | 'firstName' | 'lastName'> & {
  personalIdentityCode?: string | null | undefined;
};

export const fullName = (person: Pick<PersonSummary, 'firstName' | 'lastName'>) =>
  `${person.firstName} ${person.lastName}`;

export type PersonPickerTexts = {
  find: string;
  findHint: string;
  /** Before the chosen person's name, e.g. "Relative:". */
  chosen: string;
  change: string;
  choose: string;
  chooseNamed: (name: string) => string;
};

/** Several persons instead of one: each chosen goes to `onAdd`, and the picker stays a search. */
export type PersonListPick = {
  onAdd: (person: PickedPerson) => void;
  /** The persons already on the list: not offered again. */
  added: ReadonlySet<string>;
  addedText: string;
};

/**
 * A person of the register, found with the register's search (as the organisation picker finds
 * organisations) and chosen into the form's `path` (or, with `list`, added to a list). `excluded`
 * is a person that may not be chosen (e.g. the client itself), with why.
 */
export function PersonPicker({
  form,
  path,
  texts,
  initial = null,
  excluded,
  list,
  className,
}: {
  form: FormController;
  path: string;
  texts: PersonPickerTexts;
  initial?: PickedPerson | null;
  excluded?: { id: string; text: string };
  list?: PersonListPick;
  className?: string;
}) {
  const { t, errorText } = useI18n();
  const [chosen, setChosen] = useState<PickedPerson | null>(initial);
  const error = form.errors[path];
  const searched = usePickerSearch(searchApi.search, (q) => ({
    query: { q, kind: 'person' as const, limit: 10 },
  }));
  const queryError = searched.queryProblem && errorText(searched.queryProblem);
  const found = searched.answer?.items.flatMap((item) =>
    item.kind === 'person' ? [item.person] : [],
  );

  const choose = (person: PickedPerson | null) => {
    if (list && person) {
      list.onAdd(person);
      searched.forget(true);
      // The chosen person's button is gone: the search takes the focus for the next one.
      document.getElementById(fieldId(path))?.focus();
      return;
    }
    setChosen(person);
    form.set(path, person?.id ?? '');
    if (person) searched.forget();
  };

  return (
    <div className={className ? `picker ${className}` : 'picker'}>
      {chosen ? (
        <p className="picker__chosen">
          <span>
            {texts.chosen} <strong>{fullName(chosen)}</strong>
            {chosen.personalIdentityCode && (
              <span className="muted"> · {chosen.personalIdentityCode}</span>
            )}
          </span>
          <Button variant="secondaryNoBorder" onClick={() => choose(null)}>
            {texts.change}
          </Button>
        </p>
      ) : (
        <>
          <PickerSearch
            id={fieldId(path)}
            label={texts.find}
            hint={texts.findHint}
            searched={searched}
            error={queryError ?? (error ? errorText(error) : null)}
          />
          <div aria-live="polite">
            {searched.failure !== null && <ProblemNotice error={searched.failure} />}
            {found &&
              (found.length === 0 ? (
                <p className="muted">{t('search.noResultsShort')}</p>
              ) : (
                <ul className="picker__results">
                  {found.map((person) => (
                    <li key={person.id}>
                      <span>
                        <strong>{fullName(person)}</strong>
                        {person.personalIdentityCode && (
                          <span className="muted"> · {person.personalIdentityCode}</span>
                        )}
                      </span>
                      {person.id === excluded?.id ? (
                        <span className="muted">{excluded.text}</span>
                      ) : list?.added.has(person.id) ? (
                        <span className="muted">{list.addedText}</span>
                      ) : (
                        <Button
                          variant="secondaryNoBorder"
                          aria-label={texts.chooseNamed(fullName(person))}
                          onClick={() => choose(person)}
                        >
                          {texts.choose}
                        </Button>
                      )}
                    </li>
                  ))}
                </ul>
              ))}
          </div>
        </>
      )}
    </div>
  );
}

import { useState } from 'react';
import { Button } from 'suomifi-ui-components';
import { api, ApiError, type PersonSummary } from '../../api.ts';
import { fieldId } from '../../components/form.ts';
import { ProblemNotice } from '../../components/Notices.tsx';
import { PickerSearch } from '../../components/PickerSearch.tsx';
import type { FormController } from '../../components/useForm.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

type Found =
  | { state: 'idle' }
  | { state: 'found'; items: PersonSummary[] }
  | { state: 'failed'; error: unknown };

const fullName = (person: Pick<PersonSummary, 'firstName' | 'lastName'>) =>
  `${person.firstName} ${person.lastName}`;

/**
 * The relative of a new family relation: a person of the register, found with the register's
 * search (as the organisation picker finds organisations) and chosen into `relatedPersonId`.
 */
export function RelativePicker({ form, clientId }: { form: FormController; clientId: string }) {
  const { t, errorText } = useI18n();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Found>({ state: 'idle' });
  const [queryError, setQueryError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [chosen, setChosen] = useState<PersonSummary | null>(null);
  const error = form.errors.relatedPersonId;

  const search = () => {
    const q = query.trim();
    if (q === '') return;
    setBusy(true);
    setQueryError(null);
    api.search({ q, kind: 'person', limit: 10 }).then(
      (page) => {
        setBusy(false);
        setFound({
          state: 'found',
          items: page.items.flatMap((item) => (item.kind === 'person' ? [item.person] : [])),
        });
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

  const choose = (person: PersonSummary | null) => {
    setChosen(person);
    form.set('relatedPersonId', person?.id ?? '');
    if (person) setFound({ state: 'idle' });
  };

  return (
    <div className="picker span-all">
      {chosen ? (
        <p className="picker__chosen">
          <span>
            {t('social.family.chosen')} <strong>{fullName(chosen)}</strong>
            {chosen.personalIdentityCode && (
              <span className="muted"> · {chosen.personalIdentityCode}</span>
            )}
          </span>
          <Button variant="secondaryNoBorder" onClick={() => choose(null)}>
            {t('social.family.change')}
          </Button>
        </p>
      ) : (
        <>
          <PickerSearch
            id={fieldId('relatedPersonId')}
            label={t('social.family.find')}
            hint={t('social.family.findHint')}
            query={query}
            onQuery={setQuery}
            error={queryError ?? (error ? errorText(error) : null)}
            onSearch={search}
            busy={busy}
          />
          <div aria-live="polite">
            {found.state === 'failed' && <ProblemNotice error={found.error} />}
            {found.state === 'found' &&
              (found.items.length === 0 ? (
                <p className="muted">{t('search.noResultsShort')}</p>
              ) : (
                <ul className="picker__results">
                  {found.items.map((person) => (
                    <li key={person.id}>
                      <span>
                        <strong>{fullName(person)}</strong>
                        {person.personalIdentityCode && (
                          <span className="muted"> · {person.personalIdentityCode}</span>
                        )}
                      </span>
                      {person.id === clientId ? (
                        <span className="muted">{t('social.family.isClient')}</span>
                      ) : (
                        <Button
                          variant="secondaryNoBorder"
                          aria-label={t('social.family.chooseNamed', { name: fullName(person) })}
                          onClick={() => choose(person)}
                        >
                          {t('social.family.choose')}
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

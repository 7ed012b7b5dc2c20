import { useState } from 'react';
import { Button, TextInput } from 'suomifi-ui-components';
import type { OrganizationSummary } from '../../../contract/organizations/organizations.schemas.ts';
import { searchApi } from '../../../contract/search/search.endpoints.ts';
import { ApiError } from '../../api.ts';
import { call } from '../../client.ts';
import { ProblemNotice } from '../../components/Notices.tsx';
import { PickerSearch } from '../../components/PickerSearch.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { OrganizationLink } from './person-form.ts';

type Found =
  | { state: 'idle' }
  | { state: 'found'; items: OrganizationSummary[] }
  | { state: 'failed'; error: unknown };

/**
 * The organisations a person represents, each with the person's title there. An organisation is
 * added from a search by name or business ID.
 */
export function OrganizationPicker({
  links,
  onChange,
  error,
}: {
  links: OrganizationLink[];
  onChange: (links: OrganizationLink[]) => void;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Found>({ state: 'idle' });
  const [queryError, setQueryError] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);

  const search = () => {
    const q = query.trim();
    if (q === '') return;
    setSearching(true);
    setQueryError(null);
    call(searchApi.search, { query: { q, kind: 'organization', limit: 10 } }).then(
      (page) => {
        setSearching(false);
        setFound({
          state: 'found',
          items: page.items.flatMap((item) =>
            item.kind === 'organization' ? [item.organization] : [],
          ),
        });
      },
      (failure: unknown) => {
        setSearching(false);
        if (failure instanceof ApiError && failure.status === 400) {
          setQueryError(t('search.tooShortHint'));
          setFound({ state: 'idle' });
        } else {
          setFound({ state: 'failed', error: failure });
        }
      },
    );
  };

  const add = (organization: OrganizationSummary) => {
    onChange([
      ...links,
      {
        organizationId: organization.id,
        name: organization.name,
        businessId: organization.businessId,
        title: '',
      },
    ]);
  };

  const linked = new Set(links.map((link) => link.organizationId));

  return (
    <div className="picker">
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {links.length === 0 ? (
        <p className="muted">{t('person.noOrganizations')}</p>
      ) : (
        <ul className="link-list">
          {links.map((link, index) => (
            <li key={link.organizationId} className="link-list__item">
              <div className="link-list__name">
                <strong>{link.name}</strong>
                {link.businessId && <span className="muted"> · {link.businessId}</span>}
              </div>
              <TextInput
                id={`field-organizations-${index}-title`}
                labelText={t('person.organizationTitle', { organization: link.name })}
                hintText={t('person.organizationTitleHint')}
                value={link.title}
                autoComplete="off"
                onChange={(value) =>
                  onChange(
                    links.map((other, i) =>
                      i === index
                        ? { ...other, title: value === undefined ? '' : String(value) }
                        : other,
                    ),
                  )
                }
                fullWidth
              />
              <Button
                variant="secondaryNoBorder"
                className="link-list__remove"
                onClick={() => onChange(links.filter((_, i) => i !== index))}
              >
                {t('person.removeOrganization', { organization: link.name })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <PickerSearch
        id="organization-picker-query"
        label={t('person.findOrganization')}
        hint={t('person.findOrganizationHint')}
        query={query}
        onQuery={setQuery}
        error={queryError}
        onSearch={search}
        busy={searching}
      />
      <div aria-live="polite">
        {found.state === 'failed' && <ProblemNotice error={found.error} />}
        {found.state === 'found' &&
          (found.items.length === 0 ? (
            <p className="muted">{t('search.noResultsShort')}</p>
          ) : (
            <ul className="picker__results">
              {found.items.map((organization) => (
                <li key={organization.id}>
                  <span>
                    <strong>{organization.name}</strong>
                    {organization.businessId && (
                      <span className="muted"> · {organization.businessId}</span>
                    )}
                  </span>
                  {linked.has(organization.id) ? (
                    <span className="muted">{t('person.organizationAdded')}</span>
                  ) : (
                    <Button variant="secondaryNoBorder" onClick={() => add(organization)}>
                      {t('person.addOrganization', { organization: organization.name })}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          ))}
      </div>
    </div>
  );
}

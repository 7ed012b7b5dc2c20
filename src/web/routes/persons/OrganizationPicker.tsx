import { Button, TextInput } from 'suomifi-ui-components';
import type { OrganizationSummary } from '../../../contract/organizations/organizations.schemas.ts';
import { searchApi } from '../../../contract/search/search.endpoints.ts';
import { ProblemNotice } from '../../components/Notices.tsx';
import { PickerSearch, usePickerSearch } from '../../components/PickerSearch.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { OrganizationLink } from './person-form.ts';

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
  const searched = usePickerSearch(searchApi.search, (q) => ({
    query: { q, kind: 'organization' as const, limit: 10 },
  }));
  const found = searched.answer?.items.flatMap((item) =>
    item.kind === 'organization' ? [item.organization] : [],
  );

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
        searched={searched}
        error={searched.queryProblem && t('search.tooShortHint')}
      />
      <div aria-live="polite">
        {searched.failure !== null && <ProblemNotice error={searched.failure} />}
        {found &&
          (found.length === 0 ? (
            <p className="muted">{t('search.noResultsShort')}</p>
          ) : (
            <ul className="picker__results">
              {found.map((organization) => (
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

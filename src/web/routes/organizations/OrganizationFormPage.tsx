import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Button, Paragraph, RouterLink } from 'suomifi-ui-components';
import { api, ApiError, type OrganizationView } from '../../api.ts';
import { AddressFields } from '../../components/AddressFields.tsx';
import { BillingFields } from '../../components/BillingFields.tsx';
import { TextAreaField, TextField } from '../../components/Fields.tsx';
import { errorsByField } from '../../components/form.ts';
import { DuplicateNotice, FormErrorSummary, labelFromParts } from '../../components/FormErrors.tsx';
import { Loading, ProblemNotice } from '../../components/Notices.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import type { SavedState } from '../../components/SavedNotice.tsx';
import { Section } from '../../components/Section.tsx';
import { useForm } from '../../components/useForm.ts';
import { useResource } from '../../components/useResource.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useMe } from '../../session.tsx';
import {
  ORGANIZATION_REQUIRED,
  organizationCreateInput,
  organizationPatchInput,
  organizationValues,
} from './organization-form.ts';

export function OrganizationCreatePage() {
  return <OrganizationFormPage stored={null} />;
}

export function OrganizationEditPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const [organization] = useResource(`organization:${id}`, (signal) =>
    api.getOrganization(id, signal),
  );
  if (organization.state === 'loading') return <Loading />;
  if (organization.state === 'failed')
    return (
      <>
        <PageHeading title={t('organization.editTitle')} />
        <ProblemNotice error={organization.error} />
      </>
    );
  return <OrganizationFormPage stored={organization.data} key={organization.data.id} />;
}

function OrganizationFormPage({ stored }: { stored: OrganizationView | null }) {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const initial = useMemo(() => organizationValues(stored), [stored]);
  const form = useForm(initial, ORGANIZATION_REQUIRED);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  const [duplicateOf, setDuplicateOf] = useState<string | null>(null);
  const title = stored
    ? t('organization.editTitleOf', { name: stored.name })
    : t('organization.createTitle');
  const cancelTo = stored ? `/organizations/${stored.id}` : '/search';

  const labels: Record<string, string> = {
    name: t('organization.name'),
    businessId: t('organization.businessId'),
    email: t('common.email'),
    phone: t('common.phone'),
    postalAddress: t('organization.postalAddress'),
    visitingAddress: t('organization.visitingAddress'),
    street: t('address.street'),
    postalCode: t('address.postalCode'),
    postOffice: t('address.postOffice'),
    country: t('address.country'),
    billing: t('billing.title'),
    'billing.billingAddress': t('billing.billingAddress'),
    eInvoiceAddress: t('billing.eInvoiceAddress'),
    eInvoiceIntermediator: t('billing.eInvoiceIntermediator'),
    ovt: t('billing.ovt'),
    notes: t('common.notes'),
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    let request: Promise<OrganizationView>;
    if (stored) {
      const patch = organizationPatchInput(form.values, stored);
      if (Object.keys(patch).length === 0) {
        void navigate(`/organizations/${stored.id}`);
        return;
      }
      request = api.updateOrganization(stored.id, patch);
    } else {
      request = api.createOrganization(organizationCreateInput(form.values));
    }
    setBusy(true);
    setFailure(null);
    setDuplicateOf(null);
    request.then(
      (saved) => {
        const savedState: SavedState = { saved: stored ? 'updated' : 'created' };
        void navigate(`/organizations/${saved.id}`, { state: savedState });
      },
      (error: unknown) => {
        setBusy(false);
        if (error instanceof ApiError && (error.status === 400 || error.status === 409)) {
          const errors = errorsByField(error.problem.errors);
          const duplicate = error.status === 409 ? error.problem.existingId : undefined;
          setDuplicateOf(duplicate ?? null);
          if (Object.keys(errors).length === 0) setFailure(error);
          form.setErrors(errors);
        } else {
          form.setErrors({});
          setFailure(error);
        }
        setAttempt((n) => n + 1);
      },
    );
  };

  return (
    <div className="form-page">
      <nav className="back-link" aria-label={t('nav.breadcrumb')}>
        <RouterLink asComponent={Link} to={cancelTo}>
          <span aria-hidden="true">‹ </span>
          {stored ? t('nav.backToOrganization', { name: stored.name }) : t('nav.toSearch')}
        </RouterLink>
      </nav>
      <PageHeading title={title} />
      <Paragraph className="lead">{t('organization.formIntro')}</Paragraph>

      <FormErrorSummary
        errors={form.errors}
        attempt={attempt}
        labelFor={(path) => labelFromParts(path, labels)}
      />
      {duplicateOf && (
        <DuplicateNotice
          message={t('organization.duplicateNotice')}
          to={`/organizations/${duplicateOf}`}
        />
      )}
      {failure !== null && <ProblemNotice error={failure} />}

      <form noValidate onSubmit={submit} className="form">
        <Section title={t('organization.basicInformation')}>
          <div className="field-grid">
            <TextField
              form={form}
              path="name"
              label={t('organization.name')}
              className="span-all"
              required
            />
            <TextField
              form={form}
              path="businessId"
              label={t('organization.businessId')}
              hint={t('organization.businessIdHint')}
            />
            <TextField
              form={form}
              path="email"
              label={t('common.email')}
              hint={t('common.emailHint')}
              type="email"
              inputMode="email"
            />
            <TextField
              form={form}
              path="phone"
              label={t('common.phone')}
              hint={t('common.phoneHint')}
              type="tel"
              inputMode="tel"
            />
          </div>
        </Section>

        <Section title={t('organization.addresses')}>
          <AddressFields
            form={form}
            prefix="postalAddress"
            legend={t('organization.postalAddress')}
          />
          <AddressFields
            form={form}
            prefix="visitingAddress"
            legend={t('organization.visitingAddress')}
          />
        </Section>

        <Section title={t('billing.title')}>
          <BillingFields form={form} />
        </Section>

        <Section title={t('common.notes')}>
          <TextAreaField
            form={form}
            path="notes"
            label={t('common.notes')}
            hint={t('common.notesHint')}
          />
        </Section>

        <div className="form-actions">
          <Button type="submit" disabled={busy || !me.can('customers.write')}>
            {stored ? t('common.saveChanges') : t('organization.createButton')}
          </Button>
          <Button variant="secondary" onClick={() => void navigate(cancelTo)}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </div>
  );
}

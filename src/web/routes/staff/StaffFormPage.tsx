import { useMemo } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Button, InlineAlert, Paragraph } from 'suomifi-ui-components';
import { ROLES } from '../../../contract/auth/permissions.ts';
import { BackLink } from '../../components/BackLink.tsx';
import { DateField, SelectField, TextField } from '../../components/Fields.tsx';
import { FormErrorSummary } from '../../components/FormErrors.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { ProblemNotice } from '../../components/Notices.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Section } from '../../components/Section.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { useCall } from '../../data.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useMe } from '../../session.tsx';
import { staffApi } from '../../../contract/staff/staff.endpoints.ts';
import type { StaffView } from '../../../contract/staff/staff.schemas.ts';
import {
  checkStaffForm,
  createInput,
  isPartnerRole,
  patchInput,
  staffFormValues,
} from './staff-form.ts';
import { reasonKey } from './staff-view.tsx';

/** Which notice the user's page shows after the form sent the user there. */
export type StaffNoticeState = { staffNotice: 'created' | 'saved' };

export function StaffCreatePage() {
  return <StaffForm />;
}

export function StaffEditPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  return (
    <Loaded
      query={useCall(staffApi.get, { params: { id } })}
      failed={(error) => (
        <>
          <BackLink to="/staff">{t('staff.backToList')}</BackLink>
          <PageHeading title={t('staff.pageTitle')} />
          <ProblemNotice error={error} />
        </>
      )}
    >
      {(account) => <StaffForm account={account} key={account.id} />}
    </Loaded>
  );
}

/** A new account (username, name, role, partner, last day, temporary password) or a change. */
function StaffForm({ account }: { account?: StaffView }) {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const creating = account === undefined;
  const own = account?.id === me.id;
  const initial = useMemo(() => staffFormValues(account), [account]);
  const backTo = account ? `/staff/${account.id}` : '/staff';
  const { form, submit, busy, attempt, failure } = useContractForm({
    endpoint: account ? staffApi.update : staffApi.create,
    initial,
    check: (values) => Object.values(checkStaffForm(values)),
    input: (values) => {
      if (!account) return { body: createInput(values) };
      const patch = patchInput(account, values);
      return Object.keys(patch).length === 0 ? null : { params: { id: account.id }, body: patch };
    },
    invalidates: [staffApi.get, staffApi.list],
    onSaved: (saved) => {
      const state: StaffNoticeState = { staffNotice: creating ? 'created' : 'saved' };
      void navigate(`/staff/${saved.id}`, { state });
    },
    onUnchanged: () => void navigate(backTo),
    // The errors change only when the form is sent: an error appearing or going as a field is
    // left would move the button below it from under the pointer that is about to click it.
    checkOnBlur: false,
  });
  const partners = useCall(staffApi.partners, {});
  const contractor = isPartnerRole(form.values.role ?? '');

  const labels: Record<string, string> = {
    username: t('staff.username'),
    fullName: t('staff.fullName'),
    role: t('staff.role'),
    partnerId: t('staff.partner'),
    expiresOn: t('staff.expiresOn'),
    temporaryPassword: t('staff.temporaryPassword'),
  };
  const reason = reasonKey(failure);
  return (
    <div className="form-page">
      <BackLink to={backTo}>
        {account ? t('staff.backToUser', { username: account.username }) : t('staff.backToList')}
      </BackLink>
      <PageHeading
        title={
          account ? t('staff.editTitle', { username: account.username }) : t('staff.createTitle')
        }
      />
      <Paragraph className="lead">
        {creating ? t('staff.formIntro') : t('staff.editIntro')}
      </Paragraph>
      <FormErrorSummary
        errors={form.errors}
        attempt={attempt}
        labelFor={(path) => labels[path] ?? path}
      />
      {failure !== null &&
        (reason ? (
          <InlineAlert status="error" role="alert" className="notice">
            {t(reason)}
          </InlineAlert>
        ) : (
          <ProblemNotice error={failure} />
        ))}

      <form noValidate onSubmit={submit} className="form">
        <Section title={t('staff.account')}>
          <div className="field-grid">
            {creating && (
              <TextField
                form={form}
                path="username"
                label={t('staff.username')}
                hint={t('staff.usernameHint')}
                required
              />
            )}
            <TextField form={form} path="fullName" label={t('staff.fullName')} autoComplete="off" />
            {own ? (
              <p className="span-all hint">{t('staff.ownRole')}</p>
            ) : (
              <SelectField
                form={form}
                path="role"
                label={t('staff.role')}
                hint={t('staff.roleHint')}
                placeholder={t('form.choose')}
                options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
                required
              />
            )}
            {contractor && partners.data && partners.data.items.length > 0 && (
              <SelectField
                form={form}
                path="partnerId"
                label={t('staff.partner')}
                hint={t('staff.partnerHint')}
                placeholder={t('form.choose')}
                options={partners.data.items.map((partner) => ({
                  value: partner.id,
                  label: `${partner.name} (${partner.businessId})`,
                }))}
                required
              />
            )}
            {contractor && partners.data?.items.length === 0 && (
              <InlineAlert status="warning" className="notice span-all">
                {t('staff.noPartners')}
              </InlineAlert>
            )}
            {contractor && partners.isError && (
              <div className="span-all">
                <ProblemNotice error={partners.error} />
              </div>
            )}
            <DateField
              form={form}
              path="expiresOn"
              label={t('staff.expiresOn')}
              hint={t('staff.expiresOnHint')}
            />
            {creating && (
              <TextField
                form={form}
                path="temporaryPassword"
                label={t('staff.temporaryPassword')}
                hint={t('staff.temporaryPasswordHint')}
                type="password"
                autoComplete="new-password"
                required
              />
            )}
          </div>
        </Section>
        <div className="form-actions">
          <Button type="submit" disabled={busy}>
            {creating ? t('staff.createButton') : t('common.saveChanges')}
          </Button>
          <Button variant="secondary" onClick={() => void navigate(backTo)}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </div>
  );
}

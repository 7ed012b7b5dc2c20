import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Route, Routes, useNavigate, useSearchParams } from 'react-router';
import { Button, Heading, InlineAlert, Notification, Paragraph } from 'suomifi-ui-components';
import { residentApi } from '../../../contract/resident/resident.endpoints.ts';
import {
  RESIDENT_REFUSALS,
  type ResidentRefusal,
} from '../../../contract/resident/resident.constants.ts';
import type { Answer } from '../../../contract/endpoint.ts';
import { call } from '../../client.ts';
import { AddressText } from '../../components/AddressText.tsx';
import { FormErrorSummary, labelFromParts } from '../../components/FormErrors.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { ProblemNotice } from '../../components/Notices.tsx';
import { addressValues } from '../../components/form.ts';
import { useContractForm } from '../../components/useContractForm.ts';
import { forgetAnswers, useCall } from '../../data.ts';
import { LANGUAGE_NAMES } from '../../i18n/catalogues.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ApiError } from '../../client.ts';
import { PublicShell } from '../public/PublicShell.tsx';
import {
  contactBody,
  contactLabels,
  ContactFields,
  CorrectContact,
  Processing,
  Prohibitions,
  Requests,
} from './ResidentSections.tsx';
import './resident.css';

/**
 * The resident's e-service (issue #17, decision 0032): sign in with strong identification,
 * register, see one's own data. Outside the staff shell, for a phone first; the language is in
 * the address (`?lang=sv`) as on the public pages.
 */
export function ResidentPages() {
  return (
    <ResidentShell>
      <Routes>
        <Route path="refused" element={<RefusedPage />} />
        <Route path="*" element={<ResidentHome />} />
      </Routes>
    </ResidentShell>
  );
}

function ResidentShell({ children }: { children: ReactNode }) {
  const { t, language } = useI18n();
  const config = useCall(residentApi.config, {});
  useEffect(() => {
    document.title = t('resident.serviceName');
  }, [language, t]);
  return (
    <PublicShell
      className="resident"
      brand={{ to: '/resident', name: 'resident.serviceName' }}
      staffLink={false}
      banner={
        config.data?.testIdentification && (
          <div className="resident__test-banner" role="note">
            {t('resident.testBanner')}
          </div>
        )
      }
    >
      {children}
    </PublicShell>
  );
}

type Me = Answer<typeof residentApi.me>;

/** The start page, the registration, or the resident's own data: whichever the session is at. */
function ResidentHome() {
  const me = useCall(residentApi.me, {});
  const [registered, setRegistered] = useState(false);
  const signedOut = me.isError && me.error instanceof ApiError && me.error.status === 401;
  if (signedOut) return <StartPage />;
  return (
    <Loaded query={me}>
      {(shown) =>
        shown.person === null ? (
          <RegistrationPage me={shown} onRegistered={() => setRegistered(true)} />
        ) : (
          <MyDataPage me={shown} justRegistered={registered} />
        )
      }
    </Loaded>
  );
}

function StartPage() {
  const { t, language } = useI18n();
  const [params] = useSearchParams();
  const config = useCall(residentApi.config, {});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const signIn = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const { redirectTo } = await call(residentApi.signIn, { body: { language } });
      window.location.assign(redirectTo);
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };
  return (
    <article className="resident__page">
      <Heading variant="h1">{t('resident.start.title')}</Heading>
      {params.get('signedOut') !== null && (
        <InlineAlert status="neutral" className="notice notice--success">
          {t('resident.start.signedOut')}
        </InlineAlert>
      )}
      <Paragraph>{t('resident.start.intro')}</Paragraph>
      {failure !== null && <ProblemNotice error={failure} />}
      {config.data && !config.data.enabled ? (
        <Notification status="neutral" closeText="" showCloseButton={false}>
          {t('resident.start.notInUse')}
        </Notification>
      ) : (
        <div className="form-actions">
          <Button onClick={() => void signIn()} disabled={busy || !config.data}>
            {t('resident.start.signIn')}
          </Button>
        </div>
      )}
    </article>
  );
}

function RegistrationPage({ me, onRegistered }: { me: Me; onRegistered: () => void }) {
  const { t, language } = useI18n();
  const initial = useMemo(
    () => ({ email: '', phone: '', language, ...addressValues('contactAddress', null) }),
    [language],
  );
  const { form, submit, busy, attempt, failure } = useContractForm({
    endpoint: residentApi.register,
    initial,
    input: (values) => ({ body: contactBody(values, language) }),
    invalidates: [residentApi.me],
    onSaved: onRegistered,
    checkOnBlur: false,
  });
  const labels = contactLabels(t);
  return (
    <article className="resident__page">
      <Heading variant="h1">{t('resident.register.title')}</Heading>
      <Paragraph>{t('resident.register.intro')}</Paragraph>
      <dl className="resident__data">
        <dt>{t('resident.register.identified')}</dt>
        <dd>
          {me.identified.firstName} {me.identified.lastName}
        </dd>
      </dl>
      <Paragraph className="resident__note">{t('resident.register.identityCodeNote')}</Paragraph>
      <FormErrorSummary
        errors={form.errors}
        attempt={attempt}
        labelFor={(path) => labelFromParts(path, labels)}
      />
      {failure !== null && <ProblemNotice error={failure} />}
      <form noValidate onSubmit={submit} className="form">
        <Heading variant="h2">{t('resident.register.contact')}</Heading>
        <ContactFields form={form} />
        <div className="form-actions">
          <Button type="submit" disabled={busy}>
            {t('resident.register.submit')}
          </Button>
        </div>
      </form>
      <SignOut />
    </article>
  );
}

function MyDataPage({ me, justRegistered }: { me: Me; justRegistered: boolean }) {
  const { t } = useI18n();
  const person = me.person;
  if (!person) return null;
  const none = <span className="resident__none">{t('resident.field.none')}</span>;
  return (
    <article className="resident__page">
      <Heading variant="h1">{t('resident.home.title')}</Heading>
      <div role="status">
        {justRegistered && (
          <InlineAlert status="neutral" className="notice notice--success">
            {t('resident.home.registered')}
          </InlineAlert>
        )}
      </div>
      <dl className="resident__data">
        <dt>{t('resident.field.name')}</dt>
        <dd>
          {person.firstName} {person.lastName}
        </dd>
        <dt>{t('resident.field.email')}</dt>
        <dd>{person.email ?? none}</dd>
        <dt>{t('resident.field.phone')}</dt>
        <dd>{person.phoneDisplay ?? none}</dd>
        <dt>{t('resident.field.contactAddress')}</dt>
        <dd>{person.contactAddress ? <AddressText address={person.contactAddress} /> : none}</dd>
        <dt>{t('resident.field.permanentAddress')}</dt>
        <dd>
          {person.permanentAddress ? <AddressText address={person.permanentAddress} /> : none}
        </dd>
        <dt>{t('resident.field.language')}</dt>
        <dd>{LANGUAGE_NAMES[person.language]}</dd>
      </dl>
      <CorrectContact person={person} />
      <Prohibitions />
      <Requests />
      <Processing />
      <SignOut />
    </article>
  );
}

function SignOut() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const signOut = async () => {
    setBusy(true);
    try {
      const { redirectTo } = await call(residentApi.signOut, {});
      forgetAnswers();
      window.location.assign(redirectTo);
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };
  return (
    <div className="form-actions resident__sign-out">
      {failure !== null && <ProblemNotice error={failure} />}
      <Button variant="secondary" onClick={() => void signOut()} disabled={busy}>
        {t('resident.signOut')}
      </Button>
    </div>
  );
}

const isRefusal = (value: string | null): value is ResidentRefusal =>
  (RESIDENT_REFUSALS as readonly (string | null)[]).includes(value);

function RefusedPage() {
  const { t, language } = useI18n();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const asked = params.get('reason');
  const reason: ResidentRefusal = isRefusal(asked) ? asked : 'identification_failed';
  return (
    <article className="resident__page">
      <Heading variant="h1">{t('resident.refused.title')}</Heading>
      <Paragraph>{t(`resident.refused.${reason}`)}</Paragraph>
      <div className="form-actions">
        <Button variant="secondary" onClick={() => void navigate(`/resident?lang=${language}`)}>
          {t('resident.refused.back')}
        </Button>
      </div>
    </article>
  );
}

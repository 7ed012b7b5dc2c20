import { Navigate, Route, Routes, useLocation } from 'react-router';
import { AppShell } from './components/AppShell.tsx';
import { homePath } from './home.ts';
import { Loading } from './components/Notices.tsx';
import { AccessLogPage } from './routes/access-log/AccessLogPage.tsx';
import { AccountPage } from './routes/account/AccountPage.tsx';
import { AuthenticatorPage } from './routes/account/AuthenticatorPage.tsx';
import { CommitmentPage } from './routes/account/CommitmentPage.tsx';
import { PendingStepPage, usePendingStep } from './routes/account/PendingStepPage.tsx';
import { NoPermissionPage } from './routes/NoPermissionPage.tsx';
import { NotFoundPage } from './routes/NotFoundPage.tsx';
import {
  OrganizationCreatePage,
  OrganizationEditPage,
} from './routes/organizations/OrganizationFormPage.tsx';
import { OrganizationPage } from './routes/organizations/OrganizationPage.tsx';
import { PersonCreatePage, PersonEditPage } from './routes/persons/PersonFormPage.tsx';
import { PersonPage } from './routes/persons/PersonPage.tsx';
import { PartnerCreatePage, PartnerEditPage } from './routes/partners/PartnerFormPage.tsx';
import { PartnerPage } from './routes/partners/PartnerPage.tsx';
import { PartnersPage } from './routes/partners/PartnersPage.tsx';
import { BillingSettingsPage } from './routes/billing/admin/BillingSettingsPage.tsx';
import { DisclosureFormPage } from './routes/billing/admin/DisclosureFormPage.tsx';
import { DisclosurePage } from './routes/billing/admin/DisclosurePage.tsx';
import { DisclosureRegisterPage } from './routes/billing/admin/DisclosureRegisterPage.tsx';
import { InvoiceRunPage } from './routes/billing/admin/InvoiceRunPage.tsx';
import { ServiceCataloguePage } from './routes/billing/admin/ServiceCataloguePage.tsx';
import { NewRequestPage } from './routes/requests/NewRequestPage.tsx';
import { RequestPage } from './routes/requests/RequestPage.tsx';
import { RequestsPage } from './routes/requests/RequestsPage.tsx';
import { MailingListPage } from './routes/objections/MailingListPage.tsx';
import { SearchPage } from './routes/search/SearchPage.tsx';
import { BreakGlassReviewPage } from './routes/social-services/BreakGlassReviewPage.tsx';
import { SocialUnitsPage } from './routes/social-services/SocialUnitsPage.tsx';
import { SignInPage } from './routes/sign-in/SignInPage.tsx';
import { CommitmentSettingsPage } from './routes/staff/CommitmentSettingsPage.tsx';
import { StaffCreatePage, StaffEditPage } from './routes/staff/StaffFormPage.tsx';
import { StaffListPage } from './routes/staff/StaffListPage.tsx';
import { StaffUserPage } from './routes/staff/StaffUserPage.tsx';
import { missingPermission } from './route-access.ts';
import { useMe, useSession } from './session.tsx';

/** Signed out, any address shows the sign-in; after it the same address opens. */
export function App() {
  const { session } = useSession();
  // A forced password change, a required authenticator app, an unsigned commitment: first.
  const step = usePendingStep(session);
  // Each route's permission is declared in route-access.ts, the menu's source too.
  const { pathname } = useLocation();
  const missing =
    session.status === 'signedIn'
      ? missingPermission(pathname, (p) => session.me.permissions.includes(p))
      : null;
  return (
    <AppShell>
      {session.status === 'loading' && <Loading />}
      {session.status === 'signedOut' && <SignInPage expired={session.expired} />}
      {step && <PendingStepPage step={step} />}
      {session.status === 'signedIn' && !step && missing && (
        <NoPermissionPage permission={missing} />
      )}
      {session.status === 'signedIn' && !step && !missing && (
        <Routes>
          <Route path="/" element={<Home />} />
          <Route path="/search" element={<SearchPage />} />
          <Route path="/persons/new" element={<PersonCreatePage />} />
          <Route path="/persons/:id" element={<PersonPage />} />
          <Route path="/persons/:id/edit" element={<PersonEditPage />} />
          <Route path="/organizations/new" element={<OrganizationCreatePage />} />
          <Route path="/organizations/:id" element={<OrganizationPage />} />
          <Route path="/organizations/:id/edit" element={<OrganizationEditPage />} />
          <Route path="/access-log" element={<AccessLogPage />} />
          {/* account pages */}
          <Route path="/account" element={<AccountPage />} />
          <Route path="/account/authenticator" element={<AuthenticatorPage />} />
          <Route path="/account/commitment" element={<CommitmentPage />} />

          {/* staff administration */}
          <Route path="/staff" element={<StaffListPage />} />
          <Route path="/staff/new" element={<StaffCreatePage />} />
          <Route path="/staff/:id" element={<StaffUserPage />} />
          <Route path="/staff/:id/edit" element={<StaffEditPage />} />
          <Route path="/settings/commitment" element={<CommitmentSettingsPage />} />

          {/* partners */}
          <Route path="/partners" element={<PartnersPage />} />
          <Route path="/partners/new" element={<PartnerCreatePage />} />
          <Route path="/partners/:id" element={<PartnerPage />} />
          <Route path="/partners/:id/edit" element={<PartnerEditPage />} />

          {/* social services */}
          <Route path="/social-services/units" element={<SocialUnitsPage />} />
          <Route path="/social-services/break-glass" element={<BreakGlassReviewPage />} />

          {/* billing administration and the disclosures register */}
          <Route path="/billing/settings" element={<BillingSettingsPage />} />
          <Route path="/billing/services" element={<ServiceCataloguePage />} />
          <Route path="/billing/invoice-run" element={<InvoiceRunPage />} />
          <Route path="/disclosures" element={<DisclosureRegisterPage />} />
          <Route path="/disclosures/new" element={<DisclosureFormPage />} />
          <Route path="/disclosures/:id" element={<DisclosurePage />} />

          {/* data subjects' requests */}
          <Route path="/requests" element={<RequestsPage />} />
          <Route path="/requests/new" element={<NewRequestPage />} />
          <Route path="/requests/:id" element={<RequestPage />} />
          <Route path="/exports/mailing-list" element={<MailingListPage />} />

          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      )}
    </AppShell>
  );
}

/** The start page depends on what the user may do: an auditor starts from the access log. */
function Home() {
  const me = useMe();
  return <Navigate to={homePath(me.can)} replace />;
}

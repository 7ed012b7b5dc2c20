import { Route, Routes, useLocation } from 'react-router';
import { AppShell } from './components/AppShell.tsx';
import { firstScreenPage, lazyPage } from './components/lazy-page.ts';
import { PageLoad } from './components/PageLoad.tsx';
import { UnsavedChangesGuard } from './components/UnsavedChangesGuard.tsx';
import { Loading } from './components/Notices.tsx';
import { usePendingStep } from './routes/account/use-pending-step.ts';
import { missingPermission } from './route-access.ts';
import { useSession } from './session.tsx';

// Each page's code is fetched when it is first shown (lazyPage, PageLoad); the first screens'
// (firstScreenPage) need only the first-screen part of the catalogue.
const AccessLogPage = lazyPage(
  () => import('./routes/access-log/AccessLogPage.tsx'),
  'AccessLogPage',
);
const AccountPage = lazyPage(() => import('./routes/account/AccountPage.tsx'), 'AccountPage');
const AuthenticatorPage = lazyPage(
  () => import('./routes/account/AuthenticatorPage.tsx'),
  'AuthenticatorPage',
);
const CommitmentPage = lazyPage(
  () => import('./routes/account/CommitmentPage.tsx'),
  'CommitmentPage',
);
const PendingStepPage = lazyPage(
  () => import('./routes/account/PendingStepPage.tsx'),
  'PendingStepPage',
);
const NotFoundPage = lazyPage(() => import('./routes/NotFoundPage.tsx'), 'NotFoundPage');
const NoPermissionPage = lazyPage(
  () => import('./routes/NoPermissionPage.tsx'),
  'NoPermissionPage',
);
const OrganizationCreatePage = lazyPage(
  () => import('./routes/organizations/OrganizationFormPage.tsx'),
  'OrganizationCreatePage',
);
const OrganizationEditPage = lazyPage(
  () => import('./routes/organizations/OrganizationFormPage.tsx'),
  'OrganizationEditPage',
);
const OrganizationPage = lazyPage(
  () => import('./routes/organizations/OrganizationPage.tsx'),
  'OrganizationPage',
);
const PersonCreatePage = lazyPage(
  () => import('./routes/persons/PersonFormPage.tsx'),
  'PersonCreatePage',
);
const PersonEditPage = lazyPage(
  () => import('./routes/persons/PersonFormPage.tsx'),
  'PersonEditPage',
);
const PersonPage = lazyPage(() => import('./routes/persons/PersonPage.tsx'), 'PersonPage');
const PartnerCreatePage = lazyPage(
  () => import('./routes/partners/PartnerFormPage.tsx'),
  'PartnerCreatePage',
);
const PartnerEditPage = lazyPage(
  () => import('./routes/partners/PartnerFormPage.tsx'),
  'PartnerEditPage',
);
const PartnerPage = lazyPage(() => import('./routes/partners/PartnerPage.tsx'), 'PartnerPage');
const PartnersPage = lazyPage(() => import('./routes/partners/PartnersPage.tsx'), 'PartnersPage');
const BillingSettingsPage = lazyPage(
  () => import('./routes/billing/admin/BillingSettingsPage.tsx'),
  'BillingSettingsPage',
);
const DisclosureFormPage = lazyPage(
  () => import('./routes/billing/admin/DisclosureFormPage.tsx'),
  'DisclosureFormPage',
);
const DisclosurePage = lazyPage(
  () => import('./routes/billing/admin/DisclosurePage.tsx'),
  'DisclosurePage',
);
const DisclosureRegisterPage = lazyPage(
  () => import('./routes/billing/admin/DisclosureRegisterPage.tsx'),
  'DisclosureRegisterPage',
);
const InvoiceRunPage = lazyPage(
  () => import('./routes/billing/admin/InvoiceRunPage.tsx'),
  'InvoiceRunPage',
);
const OrdersListPage = lazyPage(
  () => import('./routes/billing/lists/OrdersListPage.tsx'),
  'OrdersListPage',
);
const InvoicesListPage = lazyPage(
  () => import('./routes/billing/lists/InvoicesListPage.tsx'),
  'InvoicesListPage',
);
const InvoiceRunsPage = lazyPage(
  () => import('./routes/billing/lists/InvoiceRunsPage.tsx'),
  'InvoiceRunsPage',
);
const ServiceCataloguePage = lazyPage(
  () => import('./routes/billing/admin/ServiceCataloguePage.tsx'),
  'ServiceCataloguePage',
);
const NewRequestPage = lazyPage(
  () => import('./routes/requests/NewRequestPage.tsx'),
  'NewRequestPage',
);
const RequestPage = lazyPage(() => import('./routes/requests/RequestPage.tsx'), 'RequestPage');
const RequestsPage = lazyPage(() => import('./routes/requests/RequestsPage.tsx'), 'RequestsPage');
const MailingListPage = lazyPage(
  () => import('./routes/objections/MailingListPage.tsx'),
  'MailingListPage',
);
const HomePage = lazyPage(() => import('./routes/home/HomePage.tsx'), 'HomePage');
const WorkPage = lazyPage(() => import('./routes/home/HomePage.tsx'), 'WorkPage');
const SearchPage = firstScreenPage(() => import('./routes/search/SearchPage.tsx'), 'SearchPage');
const BreakGlassReviewPage = lazyPage(
  () => import('./routes/social-services/BreakGlassReviewPage.tsx'),
  'BreakGlassReviewPage',
);
const SocialUnitsPage = lazyPage(
  () => import('./routes/social-services/SocialUnitsPage.tsx'),
  'SocialUnitsPage',
);
const SignInPage = firstScreenPage(() => import('./routes/sign-in/SignInPage.tsx'), 'SignInPage');
const CommitmentSettingsPage = lazyPage(
  () => import('./routes/staff/CommitmentSettingsPage.tsx'),
  'CommitmentSettingsPage',
);
const StaffCreatePage = lazyPage(
  () => import('./routes/staff/StaffFormPage.tsx'),
  'StaffCreatePage',
);
const StaffEditPage = lazyPage(() => import('./routes/staff/StaffFormPage.tsx'), 'StaffEditPage');
const StaffListPage = lazyPage(() => import('./routes/staff/StaffListPage.tsx'), 'StaffListPage');
const StaffUserPage = lazyPage(() => import('./routes/staff/StaffUserPage.tsx'), 'StaffUserPage');

const ImportsPage = lazyPage(() => import('./routes/imports/ImportsPage.tsx'), 'ImportsPage');
const ImportRunPage = lazyPage(() => import('./routes/imports/RunReport.tsx'), 'ImportRunPage');
const MoveInPage = lazyPage(() => import('./routes/move-in/MoveInPage.tsx'), 'MoveInPage');
const MoveInRunPage = lazyPage(() => import('./routes/move-in/MoveInRunPage.tsx'), 'MoveInRunPage');
const NewProfilePage = lazyPage(
  () => import('./routes/move-in/ProfileFormPage.tsx'),
  'NewProfilePage',
);
const EditProfilePage = lazyPage(
  () => import('./routes/move-in/ProfileFormPage.tsx'),
  'EditProfilePage',
);
const PrivacyStatementSettingsPage = lazyPage(
  () => import('./routes/privacy-statement/PrivacyStatementSettingsPage.tsx'),
  'PrivacyStatementSettingsPage',
);

const RetentionPage = lazyPage(
  () => import('./routes/retention/RetentionPage.tsx'),
  'RetentionPage',
);
const RetentionRunPage = lazyPage(
  () => import('./routes/retention/RetentionPage.tsx'),
  'RetentionRunPage',
);

const PopulationRegisterPage = lazyPage(
  () => import('./routes/population-register/PopulationRegisterPage.tsx'),
  'PopulationRegisterPage',
);
const SyncRunPage = lazyPage(
  () => import('./routes/population-register/PopulationRegisterPage.tsx'),
  'SyncRunPage',
);

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
      <UnsavedChangesGuard />
      <PageLoad>
        {session.status === 'loading' && <Loading />}
        {session.status === 'signedOut' && <SignInPage expired={session.expired} />}
        {step && <PendingStepPage step={step} />}
        {session.status === 'signedIn' && !step && missing && (
          <NoPermissionPage permission={missing} />
        )}
        {session.status === 'signedIn' && !step && !missing && (
          <Routes>
            <Route path="/" element={<HomePage />} />
            <Route path="/work" element={<WorkPage />} />
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
            <Route path="/settings/privacy-statement" element={<PrivacyStatementSettingsPage />} />

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
            <Route path="/billing/orders" element={<OrdersListPage />} />
            <Route path="/billing/invoices" element={<InvoicesListPage />} />
            <Route path="/billing/runs" element={<InvoiceRunsPage />} />
            <Route path="/disclosures" element={<DisclosureRegisterPage />} />
            <Route path="/disclosures/new" element={<DisclosureFormPage />} />
            <Route path="/disclosures/:id" element={<DisclosurePage />} />

            {/* data subjects' requests */}
            <Route path="/requests" element={<RequestsPage />} />
            <Route path="/requests/new" element={<NewRequestPage />} />
            <Route path="/requests/:id" element={<RequestPage />} />
            <Route path="/exports/mailing-list" element={<MailingListPage />} />

            {/* retention of customers */}
            <Route path="/retention" element={<RetentionPage />} />
            <Route path="/retention/runs/:id" element={<RetentionRunPage />} />

            {/* population-register updates (DVV) */}
            <Route path="/population-register" element={<PopulationRegisterPage />} />
            <Route path="/population-register/:id" element={<SyncRunPage />} />
            {/* data coming in: every run and its report; update-service files */}
            <Route path="/imports" element={<ImportsPage />} />
            <Route path="/imports/:kind/:id" element={<ImportRunPage />} />
            <Route path="/imports/move-in" element={<MoveInPage />} />
            <Route path="/imports/move-in/new-profile" element={<NewProfilePage />} />
            <Route path="/imports/move-in/profiles/:name" element={<EditProfilePage />} />
            <Route path="/imports/move-in/runs/:id" element={<MoveInRunPage />} />

            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        )}
      </PageLoad>
    </AppShell>
  );
}

import { type ComponentType, lazy } from 'react';
import { Route, Routes } from 'react-router';
import { RequirePlatformAdmin } from './auth/require-platform-admin';
import { RequireSession } from './auth/require-session';
import { RequireTenant } from './auth/require-tenant';
import { AppShell } from './layout/app-shell';
import { HomeRedirect } from './pages/home-redirect';
import { NotFoundPage } from './pages/not-found-page';
import { AcceptInvitePage } from './pages/sign-in/accept-invite-page';
import { ForgotPasswordPage } from './pages/sign-in/forgot-password-page';
import { RequestDemoPage } from './pages/sign-in/request-demo-page';
import { ResetPasswordPage } from './pages/sign-in/reset-password-page';
import { SignInPage } from './pages/sign-in/sign-in-page';
import { VerifyEmailPage } from './pages/sign-in/verify-email-page';
import { CheckMailPage } from './pages/sign-in/check-mail-page';
import { SignUpPage } from './pages/sign-in/sign-up-page';
import { VerifySignupPage } from './pages/sign-in/verify-signup-page';

/** A page loaded on first visit, so the sign-in page does not carry the charts library. */
function page<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const OverviewPage = page(() => import('./pages/tenant/overview-page'), 'OverviewPage');
const DeploymentsPage = page(() => import('./pages/tenant/deployments-page'), 'DeploymentsPage');
const WorkflowsPage = page(() => import('./pages/tenant/workflows-page'), 'WorkflowsPage');
const DemandItemsPage = page(() => import('./pages/forecasting/demand-items-page'), 'DemandItemsPage');
const DemandItemPage = page(() => import('./pages/forecasting/demand-item-page'), 'DemandItemPage');
const ForecastRunsPage = page(() => import('./pages/forecasting/forecast-runs-page'), 'ForecastRunsPage');
const EntryTypesIndex = page(() => import('./pages/entries/entry-types-index'), 'EntryTypesIndex');
const EntriesPage = page(() => import('./pages/entries/entries-page'), 'EntriesPage');
const EntryTypesPage = page(() => import('./pages/entries/entry-types-page'), 'EntryTypesPage');
const UsersPage = page(() => import('./pages/admin/users-page'), 'UsersPage');
const RolesPage = page(() => import('./pages/admin/roles-page'), 'RolesPage');
const ApiKeysPage = page(() => import('./pages/admin/api-keys-page'), 'ApiKeysPage');
const BrandingPage = page(() => import('./pages/admin/branding-page'), 'BrandingPage');
const FeaturesPage = page(() => import('./pages/admin/features-page'), 'FeaturesPage');
const IdentityProviderPage = page(
  () => import('./pages/admin/identity-provider-page'),
  'IdentityProviderPage',
);
const AuditPage = page(() => import('./pages/admin/audit-page'), 'AuditPage');
const TenantsPage = page(() => import('./pages/platform/tenants-page'), 'TenantsPage');
const TenantDetailPage = page(() => import('./pages/platform/tenant-detail-page'), 'TenantDetailPage');
const DemoRequestsPage = page(() => import('./pages/platform/demo-requests-page'), 'DemoRequestsPage');
const OutboxPage = page(() => import('./pages/platform/outbox-page'), 'OutboxPage');
const FleetPage = page(() => import('./pages/platform/fleet-page'), 'FleetPage');
const DoctorPage = page(() => import('./pages/platform/doctor-page'), 'DoctorPage');
const TrafficPage = page(() => import('./pages/platform/traffic-page'), 'TrafficPage');
const PlatformAdminsPage = page(() => import('./pages/platform/platform-admins-page'), 'PlatformAdminsPage');
const AccountPage = page(() => import('./pages/account/account-page'), 'AccountPage');

/** Every console URL; the server answers each with this app (deep links), and it routes here. */
export function App() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/reset-password" element={<ResetPasswordPage />} />
      <Route path="/accept-invite" element={<AcceptInvitePage />} />
      <Route path="/verify-email" element={<VerifyEmailPage />} />
      <Route path="/request-demo" element={<RequestDemoPage />} />
      <Route path="/signup" element={<SignUpPage />} />
      <Route path="/signup/check-mail" element={<CheckMailPage />} />
      <Route path="/signup/verify" element={<VerifySignupPage />} />
      <Route element={<RequireSession />}>
        <Route element={<AppShell />}>
          <Route index element={<HomeRedirect />} />
          <Route path="account" element={<AccountPage />} />
          <Route element={<RequireTenant />}>
            <Route path="overview" element={<OverviewPage />} />
            <Route path="deployments" element={<DeploymentsPage />} />
            <Route path="workflows" element={<WorkflowsPage />} />
            <Route path="forecasting" element={<DemandItemsPage />} />
            <Route path="forecasting/items/:itemId" element={<DemandItemPage />} />
            <Route path="forecasting/runs" element={<ForecastRunsPage />} />
            <Route path="entries" element={<EntryTypesIndex />} />
            <Route path="entries/:type" element={<EntriesPage />} />
            <Route path="admin/entry-types" element={<EntryTypesPage />} />
            <Route path="admin/users" element={<UsersPage />} />
            <Route path="admin/roles" element={<RolesPage />} />
            <Route path="admin/api-keys" element={<ApiKeysPage />} />
            <Route path="admin/branding" element={<BrandingPage />} />
            <Route path="admin/features" element={<FeaturesPage />} />
            <Route path="admin/identity-provider" element={<IdentityProviderPage />} />
            <Route path="admin/audit" element={<AuditPage />} />
          </Route>
          <Route element={<RequirePlatformAdmin />}>
            <Route path="console/tenants" element={<TenantsPage />} />
            <Route path="console/tenants/:id" element={<TenantDetailPage />} />
            <Route path="console/demo-requests" element={<DemoRequestsPage />} />
            <Route path="console/outbox" element={<OutboxPage />} />
            <Route path="console/fleet" element={<FleetPage />} />
            <Route path="console/doctor" element={<DoctorPage />} />
            <Route path="console/traffic" element={<TrafficPage />} />
            <Route path="console/admins" element={<PlatformAdminsPage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}

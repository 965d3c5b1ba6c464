import { useEffect, useRef } from 'react';
import { NavLink } from 'react-router';
import { type PlatformRole, platformRoleOf, type Session } from '../api/session-store';

interface NavItem {
  to: string;
  label: string;
  /** Platform roles that see it (the server's route table decides; this only hides dead ends). */
  roles?: readonly PlatformRole[];
}

const WORKSPACE: NavItem[] = [
  { to: '/overview', label: 'Overview' },
  { to: '/deployments', label: 'Deployments' },
  { to: '/workflows', label: 'Workflows' },
  { to: '/forecasting', label: 'Forecasting' },
  { to: '/entries', label: 'Entries' },
];

const ADMINISTRATION: NavItem[] = [
  { to: '/admin/users', label: 'Users & invitations' },
  { to: '/admin/roles', label: 'Roles' },
  { to: '/admin/entry-types', label: 'Entry types' },
  { to: '/admin/api-keys', label: 'API keys' },
  { to: '/admin/branding', label: 'Branding' },
  { to: '/admin/features', label: 'Features' },
  { to: '/admin/identity-provider', label: 'Identity provider' },
  { to: '/admin/audit', label: 'Audit trail' },
];

const PLATFORM: NavItem[] = [
  { to: '/console/tenants', label: 'Tenants' },
  { to: '/console/fleet', label: 'Fleet', roles: ['platform_admin', 'platform_support', 'platform_billing'] },
  { to: '/console/demo-requests', label: 'Demo requests', roles: ['platform_admin', 'platform_support'] },
  { to: '/console/outbox', label: 'Mail outbox', roles: ['platform_admin'] },
  { to: '/console/traffic', label: 'Traffic' },
  { to: '/console/doctor', label: 'Isolation doctor', roles: ['platform_admin', 'platform_support'] },
  { to: '/console/admins', label: 'Platform admins', roles: ['platform_admin'] },
];

/** Tenant administration is for owners and admins (seed 002); platform staff see it (the server decides what they may do). */
export function isTenantAdmin(session: Session): boolean {
  return session.kind === 'platform_admin' || session.user.roles.some((r) => r === 'owner' || r === 'admin');
}

function Section({ title, items, onNavigate }: { title: string; items: NavItem[]; onNavigate: () => void }) {
  return (
    <div className="nav-section">
      <h2 className="nav-title">{title}</h2>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              onClick={onNavigate}
              className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}
            >
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface NavMenuProps {
  session: Session;
  tenantId: string | null;
  open: boolean;
  onNavigate: () => void;
}

/** On small screens the menu is a drawer over the page: a close button, Escape, and focus inside. */
function useDrawer(open: boolean, onClose: () => void) {
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    closeButton.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open, onClose]);
  return closeButton;
}

/** The side navigation: the platform console, then the tenant's pages when there is a tenant. */
export function NavMenu({ session, tenantId, open, onNavigate }: NavMenuProps) {
  const closeButton = useDrawer(open, onNavigate);
  return (
    <nav id="main-nav" className={open ? 'sidenav open' : 'sidenav'} aria-label="Main">
      <button
        ref={closeButton}
        type="button"
        className="icon-button nav-close"
        aria-label="Close menu"
        onClick={onNavigate}
      >
        ×
      </button>
      {session.kind === 'platform_admin' && (
        <Section
          title="Platform"
          items={PLATFORM.filter((item) => !item.roles || item.roles.includes(platformRoleOf(session)!))}
          onNavigate={onNavigate}
        />
      )}
      {tenantId && <Section title="Workspace" items={WORKSPACE} onNavigate={onNavigate} />}
      {tenantId && isTenantAdmin(session) && (
        <Section title="Administration" items={ADMINISTRATION} onNavigate={onNavigate} />
      )}
      <Section title="Account" items={[{ to: '/account', label: 'Security' }]} onNavigate={onNavigate} />
    </nav>
  );
}

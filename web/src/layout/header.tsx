import { Link } from 'react-router';
import type { Session } from '../api/session-store';
import type { Branding } from '../api/types';
import { BrandMark } from './brand-mark';
import { TenantSelector } from './tenant-selector';
import { UserMenu } from './user-menu';

interface HeaderProps {
  session: Session;
  branding: Branding | null;
  navOpen: boolean;
  onToggleNav: () => void;
}

/** The top bar: menu button on small screens, the brand, the tenant selector and the account. */
export function Header({ session, branding, navOpen, onToggleNav }: HeaderProps) {
  return (
    <header className="topbar">
      <button
        type="button"
        className="icon-button nav-toggle"
        aria-expanded={navOpen}
        aria-controls="main-nav"
        onClick={onToggleNav}
      >
        <span aria-hidden="true">☰</span>
        <span className="sr-only">Menu</span>
      </button>
      <Link to="/" className="brand">
        <BrandMark branding={branding} />
        <span className="brand-name">{branding?.company_name || 'Tenantbase'}</span>
      </Link>
      <div className="topbar-tools">
        {session.kind === 'platform_admin' && <TenantSelector />}
        <UserMenu session={session} />
      </div>
    </header>
  );
}

import { type CSSProperties, Suspense, useCallback, useState } from 'react';
import { Outlet } from 'react-router';
import { useSession } from '../auth/use-session';
import { brandColor, readableTextOn } from '../components/contrast';
import { LoadingState } from '../components/loading-state';
import { useBranding } from '../hooks/use-branding';
import { useTenantId } from '../hooks/use-tenant-id';
import { ActingBanner } from './acting-banner';
import { Header } from './header';
import { NavMenu } from './nav-menu';
import { useFocusOnNavigation } from './use-focus-on-navigation';

/**
 * The frame of every signed-in page. Tenant users see their tenant's brand; a platform
 * administrator keeps the console's look, with a banner while acting inside a tenant.
 */
export function AppShell() {
  const session = useSession()!;
  const tenantId = useTenantId();
  const [navOpen, setNavOpen] = useState(false);
  const closeNav = useCallback(() => setNavOpen(false), []);
  useFocusOnNavigation('main');
  const ownTenant = session.kind === 'tenant_user' ? session.tenantId : null;
  const { branding } = useBranding(ownTenant, true);
  const brand = brandColor(branding?.primary_color);
  const style = { '--brand': brand, '--brand-text': readableTextOn(brand) } as CSSProperties;
  const acting = session.kind === 'platform_admin' ? tenantId : null;
  return (
    <div className="shell" style={style}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header
        session={session}
        branding={branding}
        navOpen={navOpen}
        onToggleNav={() => setNavOpen((o) => !o)}
      />
      {acting && <ActingBanner tenantId={acting} />}
      <div className="shell-body">
        {navOpen && <div className="nav-backdrop" aria-hidden="true" onClick={closeNav} />}
        <NavMenu session={session} tenantId={tenantId} open={navOpen} onNavigate={closeNav} />
        <main id="main" className="content" tabIndex={-1}>
          <Suspense fallback={<LoadingState />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </div>
  );
}

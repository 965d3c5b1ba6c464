import { useEffect, useState } from 'react';
import { api } from '../api/api-client';
import { isApiError } from '../api/api-error';
import type { Branding, Tenant } from '../api/types';
import { onBrandingChanged } from './branding-changed';

export interface BrandingState {
  branding: Branding | null;
  /** The tenant named does not exist (sign-in: tell the person before they type a password). */
  unknownTenant: boolean;
  loading: boolean;
}

/**
 * A tenant's branding (seed 001) from GET /tenants/{id}/branding, which anyone may read. Signed
 * in, a server without that endpoint still gives the branding inside GET /tenants/{id}.
 */
export function useBranding(tenantId: string | null, signedIn: boolean): BrandingState {
  const [state, setState] = useState<BrandingState>({
    branding: null,
    unknownTenant: false,
    loading: tenantId !== null,
  });
  const [version, setVersion] = useState(0);
  useEffect(() => onBrandingChanged(() => setVersion((n) => n + 1)), []);
  useEffect(() => {
    if (!tenantId) {
      setState({ branding: null, unknownTenant: false, loading: false });
      return;
    }
    const controller = new AbortController();
    const options = { signal: controller.signal, tenant: null };
    setState((previous) => ({ ...previous, loading: true }));
    api<Branding>(`/tenants/${encodeURIComponent(tenantId)}/branding`, options)
      .then(({ data }) => setState({ branding: data, unknownTenant: false, loading: false }))
      .catch(async (error: unknown) => {
        if (controller.signal.aborted) return;
        const unknownTenant = isApiError(error) && error.code === 'TENANT_NOT_FOUND';
        let branding: Branding | null = null;
        if (signedIn && isApiError(error) && error.endpointMissing) {
          const tenant = await api<Tenant>(`/tenants/${encodeURIComponent(tenantId)}`, options).catch(
            () => null,
          );
          branding = tenant
            ? {
                logo_url: null,
                primary_color: null,
                ...tenant.data.branding,
                company_name: tenant.data.branding.company_name ?? tenant.data.name,
              }
            : null;
        }
        if (!controller.signal.aborted) setState({ branding, unknownTenant, loading: false });
      });
    return () => controller.abort();
  }, [tenantId, signedIn, version]);
  return state;
}

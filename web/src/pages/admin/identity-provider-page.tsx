import { useCallback, useState } from 'react';
import { isApiError } from '../../api/api-error';
import { ErrorPanel } from '../../components/error-panel';
import { FlashMessage } from '../../components/flash-message';
import { LoadingState } from '../../components/loading-state';
import { PageHeader } from '../../components/page-header';
import { useApiGet } from '../../hooks/use-api-get';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useTenantId } from '../../hooks/use-tenant-id';
import { OidcForm, type OidcSettings } from './oidc-form';

/** Lets people sign in with the company's own OpenID Connect provider (tenant owners). */
export function IdentityProviderPage() {
  useDocumentTitle('Identity provider');
  const tenantId = useTenantId()!;
  const [reloadKey, setReloadKey] = useState(0);
  const settings = useApiGet<OidcSettings | null>(
    `/tenants/${encodeURIComponent(tenantId)}/oidc`,
    undefined,
    { refreshKey: reloadKey },
  );
  const [flash, setFlash] = useState<string | null>(null);
  const clearFlash = useCallback(() => setFlash(null), []);
  const notConfigured =
    isApiError(settings.error) && settings.error.code === 'NOT_FOUND' && !settings.error.endpointMissing;
  return (
    <>
      <PageHeader
        title="Identity provider"
        description="Accept tokens from your company's OpenID Connect provider; users are matched by issuer and subject."
      />
      <FlashMessage message={flash} onDone={clearFlash} />
      {settings.error && !notConfigured ? (
        <ErrorPanel error={settings.error} onRetry={settings.reload} />
      ) : settings.loading && !settings.result ? (
        <LoadingState label="Loading identity provider settings…" />
      ) : (
        <>
          {notConfigured && (
            <p className="notice notice-info" role="status">
              No identity provider is configured yet: people sign in with their Tenantbase password.
            </p>
          )}
          <OidcForm
            key={reloadKey}
            tenantId={tenantId}
            initial={settings.result?.data ?? {}}
            onSaved={() => {
              setFlash('Identity provider saved.');
              setReloadKey((k) => k + 1);
            }}
          />
        </>
      )}
    </>
  );
}

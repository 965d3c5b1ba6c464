import { useCallback, useState } from 'react';
import { FlashMessage } from '../../components/flash-message';
import { LoadingState } from '../../components/loading-state';
import { PageHeader } from '../../components/page-header';
import { useBranding } from '../../hooks/use-branding';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useTenantId } from '../../hooks/use-tenant-id';
import { BrandingForm } from './branding-form';

/** Edits the workspace's sign-in branding with a live preview. */
export function BrandingPage() {
  useDocumentTitle('Branding');
  const tenantId = useTenantId()!;
  const { branding, loading } = useBranding(tenantId, true);
  const [flash, setFlash] = useState<string | null>(null);
  const clearFlash = useCallback(() => setFlash(null), []);
  return (
    <>
      <PageHeader
        title="Branding"
        description="How your sign-in page and the app's header look to your team."
      />
      <FlashMessage message={flash} onDone={clearFlash} />
      {loading ? (
        <LoadingState label="Loading branding…" />
      ) : (
        <BrandingForm
          tenantId={tenantId}
          initial={branding ?? {}}
          onSaved={() => setFlash('Branding saved.')}
        />
      )}
    </>
  );
}

import { useState } from 'react';
import { FEATURE_CATALOGUE, type Tenant } from '../../api/types';
import { AsyncContent } from '../../components/async-content';
import { ErrorPanel } from '../../components/error-panel';
import { PageHeader } from '../../components/page-header';
import { useSession } from '../../auth/use-session';
import { useApiGet } from '../../hooks/use-api-get';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useTenantId } from '../../hooks/use-tenant-id';
import { FeatureRow } from './feature-row';

/** The workspace's features (seed 001): tier and business-domain defaults, then per-tenant overrides. */
export function FeaturesPage() {
  useDocumentTitle('Features');
  const tenantId = useTenantId()!;
  const session = useSession();
  const editable = session?.kind === 'platform_admin';
  const [reloadKey, setReloadKey] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const tenant = useApiGet<Tenant>(`/tenants/${encodeURIComponent(tenantId)}`, undefined, {
    refreshKey: reloadKey,
  });
  return (
    <>
      <PageHeader
        title="Features"
        description={
          editable
            ? 'Turn features on or off for this tenant; “Back to the plan” removes the override.'
            : 'What this workspace can use. Features come with your tier and business domain; ask your platform administrator to change them.'
        }
      />
      {error !== null && <ErrorPanel error={error} />}
      <AsyncContent state={tenant} loadingLabel="Loading features…">
        {(data) => (
          <div className="stack-lg">
            <p className="muted">
              Plan: <strong>{data.tier}</strong> tier, <strong>{data.business_domain}</strong> business
              domain.
            </p>
            {Object.entries(FEATURE_CATALOGUE).map(([group, features]) => (
              <section key={group} className="card">
                <h2 className="card-title">{group}</h2>
                <table className="data-table fixed-table">
                  <thead>
                    <tr>
                      <th scope="col" className="col-wide">
                        Feature
                      </th>
                      <th scope="col">State</th>
                      <th scope="col">Set by</th>
                      {editable && (
                        <th scope="col" className="col-wide">
                          Change
                        </th>
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    {features.map((feature) => (
                      <FeatureRow
                        key={feature}
                        tenant={data}
                        feature={feature}
                        editable={editable}
                        onError={setError}
                        onChanged={() => {
                          setError(null);
                          setReloadKey((k) => k + 1);
                        }}
                      />
                    ))}
                  </tbody>
                </table>
              </section>
            ))}
          </div>
        )}
      </AsyncContent>
    </>
  );
}

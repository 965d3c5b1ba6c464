import type { ReactNode } from 'react';
import type { Tenant } from '../../api/types';
import { ActivityPanel } from './activity-panel';
import { FeatureOverridesPanel } from './feature-overrides-panel';
import { HostnamesPanel } from './hostnames-panel';
import { ImportPanel } from './import-panel';
import { LimitOverridesPanel } from './limit-overrides-panel';
import { SettingsPanel } from './settings-panel';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card-title">
        {title}
      </h2>
      {children}
    </section>
  );
}

interface Props {
  tenant: Tenant;
  onChanged: (tenant: Tenant) => void;
}

/** What a platform administrator changes on a live tenant without the API: every PATCH /tenants/{id} field. */
export function TenantConfiguration({ tenant, onChanged }: Props) {
  return (
    <>
      <Section id="features" title="Features">
        <FeatureOverridesPanel tenant={tenant} onChanged={onChanged} />
      </Section>
      <div className="detail-grid">
        <Section id="limits" title="Limits">
          <LimitOverridesPanel tenant={tenant} onChanged={onChanged} />
        </Section>
        <Section id="hostnames" title="Host names">
          <HostnamesPanel tenant={tenant} onChanged={onChanged} />
        </Section>
      </div>
      <Section id="settings" title="Organisation settings">
        <SettingsPanel tenant={tenant} onChanged={onChanged} />
      </Section>
    </>
  );
}

/** Importing an archive into a new tenant; beside the export that makes one. */
export function TenantImport({ tenant }: { tenant: Tenant }) {
  return (
    <Section id="import" title="Import">
      <ImportPanel tenantId={tenant.id} />
    </Section>
  );
}

/** The platform's acts on the tenant and the latest of its own trail, for every platform role. */
export function TenantActivity({ tenant }: { tenant: Tenant }) {
  return (
    <Section id="activity" title="Recent activity and audit">
      <ActivityPanel tenant={tenant} />
    </Section>
  );
}

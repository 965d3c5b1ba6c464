import type { Tenant } from '../../api/types';

export type StepState = 'done' | 'current' | 'waiting' | 'failed';

export interface Step {
  key: string;
  label: string;
  state: StepState;
}

/** SPEC §3's lifecycle as the registry reports it through `provisioning_step`. */
const STEPS = [
  { key: 'queued', label: 'Registered and queued' },
  { key: 'create_storage', label: 'Storage created and migrated' },
  { key: 'seed_identity', label: 'Roles and the first owner seeded' },
  { key: 'seed_domain', label: 'Business domain types seeded' },
  { key: 'invite_owner', label: 'Invitation mailed to the owner' },
  { key: 'active', label: 'Active' },
];

/** Each step's state for a tenant; the owner's invitation step shows only when it happens. */
export function provisioningSteps(tenant: Tenant, invitesOwner: boolean): Step[] {
  const steps = STEPS.filter(
    (s) => s.key !== 'invite_owner' || invitesOwner || tenant.provisioning_step === 'invite_owner',
  );
  const keys = steps.map((s) => s.key);
  const active = tenant.status === 'active' || tenant.status === 'suspended';
  const current = active ? keys.length : Math.max(1, keys.indexOf(tenant.provisioning_step ?? 'queued'));
  return steps.map((step, index) => {
    if (index < current) return { ...step, state: 'done' };
    if (index === current && tenant.status === 'failed') return { ...step, state: 'failed' };
    if (index === current) return { ...step, state: 'current' };
    return { ...step, state: active ? 'done' : 'waiting' };
  });
}

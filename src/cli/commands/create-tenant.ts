import { ISOLATIONS, TIERS } from '../../tenancy/tiers.js';
import { createTenant } from '../../modules/tenants/create-tenant.js';
import { toTenantView } from '../../modules/tenants/tenant-view.js';
import { isTenantId } from '../../tenancy/tenant-id.js';
import type { CliCommand } from '../cli-command.js';
import { CliUsageError, EXIT } from '../cli-io.js';

const str = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * `tenants create <id> --name --admin-email [...]`: registers the tenant and, unless `--no-wait`,
 * runs its provisioning job in this process and waits for `active`.
 */
export const createTenantCommand: CliCommand = {
  name: 'tenants create',
  usage:
    'tenants create <id> --name <name> --admin-email <email> [--admin-password <pw>] [--tier t] [--isolation i] [--business-domain d] [--no-wait] [--json]',
  choices: { tier: TIERS, isolation: ISOLATIONS },
  options: {
    name: { type: 'string' },
    'admin-email': { type: 'string' },
    'admin-password': { type: 'string' },
    tier: { type: 'string' },
    isolation: { type: 'string' },
    'business-domain': { type: 'string' },
    placement: { type: 'string' },
    'no-wait': { type: 'boolean' },
  },
  async run({ services }, { positionals, values }, io) {
    const [id] = positionals;
    if (!id) throw new CliUsageError('name the tenant id: tenants create <id> --name ... --admin-email ...');
    const name = str(values.name);
    const adminEmail = str(values['admin-email']);
    if (!name || !adminEmail) throw new CliUsageError('--name and --admin-email are required');
    const input = {
      id,
      name,
      admin_email: adminEmail,
      ...(str(values['admin-password']) ? { admin_password: str(values['admin-password']) } : {}),
      ...(str(values.tier) ? { tier: str(values.tier) } : {}),
      ...(str(values.isolation) ? { isolation: str(values.isolation) } : {}),
      ...(str(values['business-domain']) ? { business_domain: str(values['business-domain']) } : {}),
      ...(str(values.placement) ? { placement: str(values.placement) } : {}),
    } as Parameters<typeof createTenant>[1];
    let tenant = await createTenant(services.tenancy, input);
    if (!values['no-wait'] && isTenantId(id)) {
      io.err(`provisioning ${id} (${tenant.isolation})...`);
      await services.worker.start();
      const deadline = Date.now() + 120_000;
      while (tenant.status === 'provisioning' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        tenant = (await services.tenancy.registry.load(id))!;
      }
      await services.worker.stop();
    }
    const view = toTenantView(tenant, { platformAdmin: true });
    if (values.json) io.out(JSON.stringify(view, null, 2));
    else if (tenant.status === 'failed')
      io.err(`tenant ${id} failed to provision: ${tenant.provisioning_error}`);
    else io.out(`tenant ${id} is ${tenant.status} (${tenant.tier}, ${tenant.isolation})`);
    return tenant.status === 'failed' ? EXIT.failed : EXIT.ok;
  },
};

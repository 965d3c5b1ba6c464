import { createPlatformAdmin } from '../../modules/auth/create-platform-admin.js';
import { isPlatformRole, PLATFORM_ROLES } from '../../identity/platform-roles.js';
import type { CliCommand } from '../cli-command.js';
import { CliUsageError, EXIT } from '../cli-io.js';

/** `admin create --email --password [--role]`: another platform administrator (platform_admin by default). */
export const createAdminCommand: CliCommand = {
  name: 'admin create',
  usage:
    'admin create --email <email> --password <pw> [--role platform_admin|platform_support|platform_billing] [--json]   add a platform administrator',
  options: { email: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' } },
  async run({ services }, { values }, io) {
    if (typeof values.email !== 'string' || typeof values.password !== 'string') {
      throw new CliUsageError('--email and --password are required');
    }
    const role = values.role ?? 'platform_admin';
    if (!isPlatformRole(role)) throw new CliUsageError(`--role must be one of ${PLATFORM_ROLES.join(', ')}`);
    const admin = await createPlatformAdmin(services.tenancy.platformDb, {
      email: values.email,
      password: values.password,
      role,
    });
    io.out(values.json ? JSON.stringify(admin) : `platform administrator ${admin.email} created`);
    return EXIT.ok;
  },
};

import { createPlatformAdmin } from '../../modules/auth/create-platform-admin.js';
import type { CliCommand } from '../cli-command.js';
import { CliUsageError, EXIT } from '../cli-io.js';

/** `admin create --email --password`: another platform administrator. */
export const createAdminCommand: CliCommand = {
  name: 'admin create',
  usage: 'admin create --email <email> --password <pw> [--json]   add a platform administrator',
  options: { email: { type: 'string' }, password: { type: 'string' } },
  async run({ services }, { values }, io) {
    if (typeof values.email !== 'string' || typeof values.password !== 'string') {
      throw new CliUsageError('--email and --password are required');
    }
    const admin = await createPlatformAdmin(services.tenancy.platformDb, {
      email: values.email,
      password: values.password,
    });
    io.out(values.json ? JSON.stringify(admin) : `platform administrator ${admin.email} created`);
    return EXIT.ok;
  },
};

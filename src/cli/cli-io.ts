/** Where a command writes: results to `out` (stdout), progress and errors to `err` (stderr). */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** Exit statuses shared by every command. */
export const EXIT = { ok: 0, failed: 1, unusable: 2 } as const;

/** A command that cannot run as asked (unknown tenant, bad arguments): exit status 2, message only. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

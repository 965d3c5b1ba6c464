import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadJob, LoadRequestMessage, LoadResponseMessage, LoadResult } from './load-protocol.js';

/** The parent's handle on the load generator process (bench/load-generator.ts). */
export class LoadClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(r: LoadResult): void; reject(e: Error): void }>();

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (message: LoadResponseMessage) => {
      const waiter = this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id);
      if ('error' in message) waiter.reject(new Error(`load generator: ${message.error}`));
      else waiter.resolve(message.result);
    });
    child.on('exit', (code) => {
      for (const waiter of this.pending.values())
        waiter.reject(new Error(`load generator exited with ${code}`));
      this.pending.clear();
    });
  }

  /** Forks the generator with this process's loader flags (tsx), over structured-clone IPC. */
  static start(): LoadClient {
    const script = fileURLToPath(new URL('./load-generator.ts', import.meta.url));
    return new LoadClient(
      fork(script, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
    );
  }

  run(job: LoadJob): Promise<LoadResult> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ id, job } satisfies LoadRequestMessage);
    });
  }

  /** Closes the channel; the generator exits on that (and is killed if it has not after 5 s). */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    if (this.child.connected) this.child.disconnect();
    const timer = setTimeout(() => this.child.kill(), 5000);
    await exited;
    clearTimeout(timer);
  }
}

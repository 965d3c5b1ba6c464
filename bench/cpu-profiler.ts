import { mkdir, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import path from 'node:path';

/**
 * CPU profiles of the server process (`--profile`), one per measured run, written as
 * `<dir>/<name>.cpuprofile` for Chrome DevTools or speedscope.
 */
export class CpuProfiler {
  private readonly session = new Session();
  private connected = false;

  constructor(private readonly dir: string) {}

  async start(): Promise<void> {
    if (!this.connected) {
      this.session.connect();
      await this.session.post('Profiler.enable');
      await this.session.post('Profiler.setSamplingInterval', { interval: 200 });
      this.connected = true;
    }
    await this.session.post('Profiler.start');
  }

  /** Stops the running profile and writes it; returns the file. */
  async stop(name: string): Promise<string> {
    const { profile } = await this.session.post('Profiler.stop');
    await mkdir(this.dir, { recursive: true });
    const file = path.join(this.dir, `${name}.cpuprofile`);
    await writeFile(file, JSON.stringify(profile));
    return file;
  }

  close(): void {
    if (this.connected) this.session.disconnect();
  }
}

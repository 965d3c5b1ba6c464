import { AppError } from '../../errors.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
/** One row object may not be larger than this (a real one is under 300 bytes). */
const MAX_ROW_BYTES = 64 * 1024;

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

const refused = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', 'The demand rows are invalid; nothing was written', {
    details: [{ path, message }],
  });

type State = 'open' | 'key' | 'colon' | 'array' | 'row' | 'next' | 'close' | 'end';

/**
 * Reads `{"rows":[{...},{...}]}` chunk by chunk without holding the body: each row object is cut
 * out (strings and nesting respected), decoded as strict UTF-8 and parsed on its own, so memory
 * stays at one row whatever the body's size. Anything else at the top level is refused.
 */
export class DemandJsonScanner {
  private state: State = 'open';
  private parts: Buffer[] = [];
  private partBytes = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private index = 0;

  constructor(private readonly onRow: (row: unknown, index: number) => void) {}

  get rows(): number {
    return this.index;
  }

  write(chunk: Buffer): void {
    // A key or row cut by the previous chunk continues from this chunk's first byte.
    let start = this.state === 'row' || (this.state === 'key' && this.keyStarted) ? 0 : -1;
    for (let i = 0; i < chunk.length; i += 1) {
      const byte = chunk[i]!;
      if (this.state === 'key') {
        if (!this.keyStarted) {
          if (WS.has(byte)) continue;
          if (byte !== QUOTE) throw refused('body', 'The body must be a JSON object {"rows":[...]}');
          this.keyStarted = true;
          this.escaped = false;
          start = i;
        } else if (this.escaped) this.escaped = false;
        else if (byte === BACKSLASH) this.escaped = true;
        else if (byte === QUOTE) {
          this.take(chunk, start, i + 1);
          start = -1;
          this.finishKey();
        }
        continue;
      }
      if (this.state === 'row') {
        if (this.inString) {
          if (this.escaped) this.escaped = false;
          else if (byte === BACKSLASH) this.escaped = true;
          else if (byte === QUOTE) this.inString = false;
        } else if (byte === QUOTE) this.inString = true;
        else if (byte === 0x7b || byte === 0x5b) this.depth += 1;
        else if (byte === 0x7d || byte === 0x5d) {
          this.depth -= 1;
          if (this.depth === 0) {
            this.take(chunk, start, i + 1);
            start = -1;
            this.finishRow();
          }
        }
        continue;
      }
      if (WS.has(byte)) continue;
      this.structural(byte, i);
      if ((this.state as State) === 'row') start = i;
    }
    if (start >= 0) this.take(chunk, start, chunk.length);
  }

  /** Checks that the body ended where a complete document ends. */
  end(): void {
    if (this.state !== 'end') throw refused('body', 'The body ended before the JSON document did');
  }

  private structural(byte: number, at: number): void {
    const unexpected = () =>
      refused(
        this.state === 'next' || this.state === 'array' ? `rows[${this.index}]` : 'body',
        `unexpected "${String.fromCharCode(byte)}" at this position of the JSON document (byte ${at})`,
      );
    switch (this.state) {
      case 'open':
        if (byte !== 0x7b) throw refused('body', 'The body must be a JSON object {"rows":[...]}');
        this.state = 'key';
        this.keyStarted = false;
        this.parts = [];
        this.partBytes = 0;
        return;
      case 'colon':
        if (byte !== 0x3a) throw unexpected();
        this.state = 'array';
        this.depth = -1;
        return;
      case 'array':
        if (this.depth === -1) {
          if (byte !== 0x5b) throw refused('rows', 'must be an array of rows');
          this.depth = 0;
          return;
        }
        if (byte === 0x5d && this.index === 0) {
          this.state = 'close';
          return;
        }
        return this.startRow(byte);
      case 'next':
        if (byte === 0x2c) {
          this.state = 'array';
          return;
        }
        if (byte === 0x5d) {
          this.state = 'close';
          return;
        }
        throw unexpected();
      case 'close':
        if (byte !== 0x7d) throw refused('body', 'The body must hold only "rows"');
        this.state = 'end';
        return;
      default:
        throw refused('body', 'Nothing may follow the JSON document');
    }
  }

  private keyStarted = false;

  private startRow(byte: number): void {
    if (byte !== 0x7b) throw refused(`rows[${this.index}]`, 'must be an object');
    this.state = 'row';
    this.parts = [];
    this.partBytes = 0;
    this.depth = 1;
    this.inString = false;
    this.escaped = false;
  }

  private take(chunk: Buffer, from: number, to: number): void {
    this.partBytes += to - from;
    if (this.partBytes > MAX_ROW_BYTES)
      throw refused(this.state === 'key' ? 'body' : `rows[${this.index}]`, 'is too large');
    this.parts.push(chunk.subarray(from, to));
  }

  private decode(path: string): unknown {
    let text: string;
    try {
      text = strictUtf8.decode(this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts));
    } catch {
      throw refused(path, 'is not valid UTF-8');
    }
    try {
      return JSON.parse(text);
    } catch {
      throw refused(path, 'is not valid JSON');
    }
  }

  private finishKey(): void {
    const key = this.decode('body');
    if (key !== 'rows') throw refused('body', 'The body must hold only "rows"');
    this.state = 'colon';
  }

  private finishRow(): void {
    const row = this.decode(`rows[${this.index}]`);
    this.onRow(row, this.index);
    this.index += 1;
    this.state = 'next';
  }
}

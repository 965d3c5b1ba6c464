import { AppError } from '../../errors.js';

/** One row object may not be larger than this (a real one is under 300 characters). */
const MAX_ROW_CHARS = 64 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

const refused = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', 'The demand rows are invalid; nothing was written', {
    details: [{ path, message }],
  });

type State = 'open' | 'key' | 'colon' | 'bracket' | 'array' | 'row' | 'next' | 'close' | 'end';

/**
 * Reads `{"rows":[{...},{...}]}` chunk by chunk without holding the body: the text is decoded
 * as strict UTF-8 as it streams, each row object is cut out (strings and nesting respected) and
 * parsed on its own, so memory stays at one row whatever the body's size. Anything else at the
 * top level is refused.
 */
export class DemandJsonScanner {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private state: State = 'open';
  /** The part of the current key or row cut off by the end of the previous chunk. */
  private carry = '';
  private depth = 0;
  private inString = false;
  private escaped = false;
  private index = 0;

  constructor(private readonly onRow: (row: unknown, index: number) => void) {}

  get rows(): number {
    return this.index;
  }

  write(chunk: Buffer): void {
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      throw refused('body', 'is not valid UTF-8');
    }
    this.scan(text);
  }

  /** Checks that the body ended where a complete document ends. */
  end(): void {
    try {
      this.scan(this.decoder.decode());
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw refused('body', 'is not valid UTF-8');
    }
    if (this.state !== 'end') throw refused('body', 'The body ended before the JSON document did');
  }

  private scan(text: string): void {
    let { state, depth, inString, escaped } = this;
    // A key or row cut by the previous chunk continues from this chunk's first character.
    let start = state === 'row' || (state === 'key' && inString) ? 0 : -1;
    const length = text.length;
    for (let i = 0; i < length; i += 1) {
      const c = text.charCodeAt(i);
      if (state === 'row') {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === BACKSLASH) escaped = true;
          else if (c === QUOTE) inString = false;
        } else if (c === QUOTE) inString = true;
        else if (c === 0x7b || c === 0x5b) depth += 1;
        else if (c === 0x7d || c === 0x5d) {
          depth -= 1;
          if (depth === 0) {
            this.finishRow(this.carry + text.slice(start, i + 1));
            this.carry = '';
            start = -1;
            state = 'next';
          }
        }
        continue;
      }
      if (state === 'key' && inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) {
          inString = false;
          this.finishKey(this.carry + text.slice(start, i + 1));
          this.carry = '';
          start = -1;
          state = 'colon';
        }
        continue;
      }
      if (isSpace(c)) continue;
      switch (state) {
        case 'open':
          if (c !== 0x7b) throw refused('body', 'The body must be a JSON object {"rows":[...]}');
          state = 'key';
          break;
        case 'key':
          if (c !== QUOTE) throw refused('body', 'The body must be a JSON object {"rows":[...]}');
          inString = true;
          escaped = false;
          start = i;
          break;
        case 'colon':
          if (c !== 0x3a) throw refused('body', 'The body must be a JSON object {"rows":[...]}');
          state = 'bracket';
          break;
        case 'bracket':
          if (c !== 0x5b) throw refused('rows', 'must be an array of rows');
          state = 'array';
          break;
        case 'array':
          if (c === 0x5d && this.index === 0) {
            state = 'close';
            break;
          }
          if (c !== 0x7b) throw refused(`rows[${this.index}]`, 'must be an object');
          state = 'row';
          depth = 1;
          inString = false;
          escaped = false;
          start = i;
          break;
        case 'next':
          if (c === 0x2c) state = 'array';
          else if (c === 0x5d) state = 'close';
          else throw refused(`rows[${this.index}]`, 'rows must be separated by commas');
          break;
        case 'close':
          if (c !== 0x7d) throw refused('body', 'The body must hold only "rows"');
          state = 'end';
          break;
        default:
          throw refused('body', 'Nothing may follow the JSON document');
      }
    }
    if (start >= 0) {
      this.carry += text.slice(start);
      if (this.carry.length > MAX_ROW_CHARS)
        throw refused(state === 'key' ? 'body' : `rows[${this.index}]`, 'is too large');
    }
    Object.assign(this, { state, depth, inString, escaped });
  }

  private finishKey(text: string): void {
    let key: unknown;
    try {
      key = JSON.parse(text);
    } catch {
      throw refused('body', 'is not valid JSON');
    }
    if (key !== 'rows') throw refused('body', 'The body must hold only "rows"');
  }

  private finishRow(text: string): void {
    if (text.length > MAX_ROW_CHARS) throw refused(`rows[${this.index}]`, 'is too large');
    let row: unknown;
    try {
      row = JSON.parse(text);
    } catch {
      throw refused(`rows[${this.index}]`, 'is not valid JSON');
    }
    this.onRow(row, this.index);
    this.index += 1;
  }
}

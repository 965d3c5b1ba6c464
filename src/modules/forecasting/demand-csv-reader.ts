import { StringDecoder } from 'node:string_decoder';
import { AppError } from '../../errors.js';

/** One CSV record may not be longer than this (a real one is under 300 characters). */
const MAX_RECORD_CHARS = 64 * 1024;

const refused = (line: number, message: string) =>
  new AppError('VALIDATION_FAILED', 'The demand rows are invalid; nothing was written', {
    details: [{ path: `line ${line}`, message }],
  });

/**
 * RFC 4180 CSV read chunk by chunk: a record is handed over with the line it starts on (line 1 is
 * the header). Lines without a quote are split directly, the common case, several times faster
 * than a general parser; quoted fields (commas, quotes as "", line breaks) take the careful path.
 * Empty lines are skipped but counted. Memory holds one record plus one chunk.
 */
export class DemandCsvReader {
  private readonly decoder = new StringDecoder('utf8');
  private carry = '';
  private line = 1;
  private first = true;

  constructor(private readonly onRecord: (fields: string[], line: number) => void) {}

  write(chunk: Buffer): void {
    let text = this.carry + this.decoder.write(chunk);
    if (this.first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.first = false;
    }
    this.carry = text.slice(this.consume(text, false));
    if (this.carry.length > MAX_RECORD_CHARS) throw refused(this.line, 'is too long');
  }

  end(): void {
    const text = this.carry + this.decoder.end();
    this.carry = '';
    this.consume(text, true);
  }

  /** Hands over every complete record of `text`; answers where the unfinished rest begins. */
  private consume(text: string, final: boolean): number {
    let pos = 0;
    const length = text.length;
    while (pos < length) {
      const newline = text.indexOf('\n', pos);
      if (newline < 0 && !final) return pos;
      const end = newline < 0 ? length : newline;
      let record = text.slice(pos, end);
      if (record.indexOf('"') < 0) {
        if (record.endsWith('\r')) record = record.slice(0, -1);
        if (record.length > 0) this.onRecord(record.split(','), this.line);
        this.line += 1;
        pos = end + 1;
        continue;
      }
      const next = this.quoted(text, pos, final);
      if (next < 0) return pos;
      pos = next;
    }
    return pos;
  }

  /** Parses the quoted record at `pos`; answers the position after it, or -1 when it is not all here yet. */
  private quoted(text: string, pos: number, final: boolean): number {
    const fields: string[] = [];
    let field = '';
    let lines = 0;
    let i = pos;
    const length = text.length;
    for (;;) {
      if (i < length && text.charCodeAt(i) === 0x22) {
        i += 1;
        for (;;) {
          if (i >= length) {
            if (final) throw refused(this.line, 'a quoted field is not closed');
            return -1;
          }
          const c = text.charCodeAt(i);
          if (c === 0x22) {
            if (text.charCodeAt(i + 1) === 0x22) {
              field += '"';
              i += 2;
              continue;
            }
            if (i + 1 >= length && !final) return -1;
            i += 1;
            break;
          }
          if (c === 0x0a) lines += 1;
          field += text[i];
          i += 1;
        }
        const after = i < length ? text.charCodeAt(i) : -1;
        if (after !== 0x2c && after !== 0x0a && after !== 0x0d && after !== -1)
          throw refused(this.line, 'a quoted field must be followed by a comma or the end of the line');
      } else {
        while (i < length) {
          const c = text.charCodeAt(i);
          if (c === 0x2c || c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) === 0x0a)) break;
          if (c === 0x22) throw refused(this.line, 'a quote may only open a field');
          field += text[i];
          i += 1;
        }
      }
      fields.push(field);
      field = '';
      if (i >= length) {
        if (!final) return -1;
        break;
      }
      const c = text.charCodeAt(i);
      if (c === 0x2c) {
        i += 1;
        continue;
      }
      if (c === 0x0d) i += 1;
      i += 1; // the newline
      break;
    }
    this.onRecord(fields, this.line);
    this.line += 1 + lines;
    return i;
  }
}

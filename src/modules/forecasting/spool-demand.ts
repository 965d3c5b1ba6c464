import { randomUUID } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { once } from 'node:events';
import { AppError } from '../../errors.js';
import { DemandCsvReader } from './demand-csv-reader.js';
import { DemandJsonScanner } from './demand-json-scanner.js';
import { copyLine, demandRowProblem, parseUnits, type RawDemandRow } from './demand-row-check.js';
import { DEMAND_BODY_LIMIT, MAX_DEMAND_ROWS } from './forecasting.schema.js';
import { ItemDayRangeCollector, type ItemDayRanges } from './item-day-ranges.js';

/** Rows of one `/demand` body, validated and written as COPY text to `file` (removed by the caller). */
export interface SpooledDemand {
  file: string;
  rows: number;
  format: 'json' | 'csv';
  /** Each item's first and last day, when the items were few enough to keep them. */
  ranges?: ItemDayRanges;
}

const COLUMNS = ['item_id', 'date', 'units_sold'] as const;
const FLUSH_BYTES = 256 * 1024;

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', 'The demand rows are invalid; nothing was written', {
    details: [{ path, message }],
  });

const tooMany = (format: 'json' | 'csv') =>
  invalid(
    format === 'json' ? 'rows' : 'body',
    `must hold at most ${MAX_DEMAND_ROWS.toLocaleString('en')} rows`,
  );

/** Buffers COPY lines and writes them in blocks, waiting when the disk falls behind. */
class CopyFileWriter {
  private pending: string[] = [];
  private bytes = 0;
  constructor(private readonly out: WriteStream) {}

  add(line: string): void {
    this.pending.push(line);
    this.bytes += line.length;
  }

  async flushIfFull(): Promise<void> {
    if (this.bytes >= FLUSH_BYTES) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const block = this.pending.join('');
    this.pending = [];
    this.bytes = 0;
    if (!this.out.write(block)) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.out.end();
    await once(this.out, 'finish');
  }
}

/** Counts the body's bytes as they pass and refuses one larger than the limit. */
async function* limited(body: Readable): AsyncGenerator<Buffer> {
  let bytes = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    bytes += buffer.length;
    if (bytes > DEMAND_BODY_LIMIT)
      throw invalid('body', `is larger than ${DEMAND_BODY_LIMIT / 1024 ** 2} MiB`);
    yield buffer;
  }
}

async function spoolJson(
  body: Readable,
  writer: CopyFileWriter,
  ranges: ItemDayRangeCollector,
): Promise<number> {
  const scanner = new DemandJsonScanner((value, index) => {
    if (index >= MAX_DEMAND_ROWS) throw tooMany('json');
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      throw invalid(`rows[${index}]`, 'must be an object');
    const row = value as Record<string, unknown>;
    for (const key of Object.keys(row)) {
      if (!(COLUMNS as readonly string[]).includes(key))
        throw invalid(
          `rows[${index}].${/^[A-Za-z0-9_$-]+$/.test(key) ? key : JSON.stringify(key)}`,
          'is not a demand column',
        );
    }
    for (const column of COLUMNS)
      if (!(column in row)) throw invalid(`rows[${index}].${column}`, 'is required');
    const problem = demandRowProblem(row as unknown as RawDemandRow);
    if (problem) throw invalid(`rows[${index}].${problem.field}`, problem.message);
    writer.add(copyLine(row.item_id as string, row.date as string, row.units_sold as number, index));
    ranges.add(row.item_id as string, row.date as string);
  });
  for await (const chunk of limited(body)) {
    scanner.write(chunk);
    await writer.flushIfFull();
  }
  scanner.end();
  if (scanner.rows === 0) throw invalid('rows', 'must hold at least one row');
  return scanner.rows;
}

function csvHeader(record: string[], line: number): number[] {
  if (line !== 1) throw invalid('line 1', 'the header item_id,date,units_sold is missing');
  const names = record.map((name) => name.trim().toLowerCase());
  const unknown = names.find((name) => !(COLUMNS as readonly string[]).includes(name));
  if (unknown !== undefined)
    throw invalid('line 1', `unknown column "${unknown.slice(0, 50)}"; expected item_id,date,units_sold`);
  const positions = COLUMNS.map((column) => names.indexOf(column));
  const missing = COLUMNS.find((_, i) => positions[i] === -1);
  if (missing) throw invalid('line 1', `the column ${missing} is missing; expected item_id,date,units_sold`);
  if (new Set(names).size !== names.length) throw invalid('line 1', 'a column is named twice');
  return positions;
}

async function spoolCsv(
  body: Readable,
  writer: CopyFileWriter,
  ranges: ItemDayRangeCollector,
): Promise<number> {
  let positions: number[] | undefined;
  let rows = 0;
  const reader = new DemandCsvReader((record, lineNumber) => {
    if (!positions) {
      positions = csvHeader(record, lineNumber);
      return;
    }
    const line = `line ${lineNumber}`;
    if (record.length !== COLUMNS.length) throw invalid(line, `has ${record.length} columns; expected 3`);
    if (rows >= MAX_DEMAND_ROWS) throw tooMany('csv');
    const units = parseUnits(record[positions[2]!]!);
    if (typeof units === 'string') throw invalid(line, `units_sold ${units}`);
    const raw = { item_id: record[positions[0]!], date: record[positions[1]!]!.trim(), units_sold: units };
    const problem = demandRowProblem(raw);
    if (problem) throw invalid(line, `${problem.field} ${problem.message}`);
    writer.add(copyLine(raw.item_id as string, raw.date, units, lineNumber));
    ranges.add(raw.item_id as string, raw.date);
    rows += 1;
  });
  for await (const chunk of limited(body)) {
    reader.write(chunk);
    await writer.flushIfFull();
  }
  reader.end();
  if (!positions) throw invalid('line 1', 'the header item_id,date,units_sold is missing');
  if (rows === 0) throw invalid('body', 'must hold at least one row');
  return rows;
}

/**
 * Reads a `/demand` body as it arrives, validates every row and writes the valid rows as COPY
 * text to a file under `dir`: the body is never held in memory and no database work waits on the
 * client. The first bad row refuses the whole body (and removes the file).
 */
export async function spoolDemand(
  body: Readable,
  format: 'json' | 'csv',
  dir: string,
): Promise<SpooledDemand> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `demand-${randomUUID()}.copy`);
  const writer = new CopyFileWriter(createWriteStream(file));
  const ranges = new ItemDayRangeCollector();
  try {
    const rows =
      format === 'json' ? await spoolJson(body, writer, ranges) : await spoolCsv(body, writer, ranges);
    await writer.close();
    const collected = ranges.result();
    return { file, rows, format, ...(collected ? { ranges: collected } : {}) };
  } catch (error) {
    await writer.close().catch(() => undefined);
    await rm(file, { force: true });
    body.resume();
    throw error;
  }
}

import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { AppError } from '../../errors.js';
import {
  type ArchiveManifest,
  type ArchiveTable,
  damaged,
  parseDataLine,
  parseManifest,
} from './archive-format.js';

/** Receives the rows of the archive, a batch at a time, in archive order. */
export type RowSink = (table: ArchiveTable, rows: string[]) => Promise<void>;

const MAX_LINE_BYTES = 64 * 1024 * 1024;
const BATCH_ROWS = 500;
const BATCH_BYTES = 4 * 1024 * 1024;

/** The archive's lines, decompressed as they stream; a line never has to fit a fixed buffer. */
async function* archiveLines(file: string): AsyncGenerator<string> {
  const gunzip = createGunzip();
  const input = createReadStream(file);
  input.on('error', (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  try {
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      let start = 0;
      for (let end = chunk.indexOf(10); end !== -1; end = chunk.indexOf(10, start)) {
        const piece = chunk.subarray(start, end);
        yield (pending.length > 0 ? Buffer.concat([...pending, piece]) : piece).toString('utf8');
        pending = [];
        pendingBytes = 0;
        start = end + 1;
      }
      if (start < chunk.length) {
        pending.push(chunk.subarray(start));
        pendingBytes += chunk.length - start;
        if (pendingBytes > MAX_LINE_BYTES) throw damaged('a line is longer than 64 MiB');
      }
    }
    if (pendingBytes > 0) yield Buffer.concat(pending).toString('utf8');
  } finally {
    // A reader that stops early (a bad row, a refused insert) must not leave the file open.
    input.destroy();
    gunzip.destroy();
  }
}

/** One manifest table being read: its running count and checksum. */
interface Progress {
  entry: ArchiveTable;
  rows: number;
  hash: Hash;
  batch: string[];
  batchBytes: number;
}

/**
 * Reads an archive from start to end and checks every table's row count and SHA-256 against the
 * manifest (README "Tenant archives"), handing rows to `sink` on the way. Throws a 400 at the
 * first mismatch, so a caller inserting inside one transaction commits only a verified archive.
 */
export async function readArchive(file: string, sink?: RowSink): Promise<ArchiveManifest> {
  let manifest: ArchiveManifest | undefined;
  let position = 0;
  let current: Progress | undefined;
  const flush = async (progress: Progress) => {
    if (sink && progress.batch.length > 0) await sink(progress.entry, progress.batch);
    progress.batch = [];
    progress.batchBytes = 0;
  };
  const close = async (entry: ArchiveTable) => {
    const progress = current?.entry === entry ? current : undefined;
    if (progress) await flush(progress);
    const rows = progress?.rows ?? 0;
    const sha256 = (progress?.hash ?? createHash('sha256')).digest('hex');
    if (rows !== entry.rows)
      throw damaged(`table ${entry.name} has ${rows} rows, the manifest says ${entry.rows}`);
    if (sha256 !== entry.sha256) throw damaged(`the rows of table ${entry.name} do not match their checksum`);
    current = undefined;
  };
  try {
    let lineNumber = 0;
    for await (const line of archiveLines(file)) {
      lineNumber += 1;
      if (!manifest) {
        manifest = parseManifest(line);
        continue;
      }
      const { table, row } = parseDataLine(line, lineNumber);
      if (current?.entry.name !== table) {
        if (current) {
          await close(current.entry);
          position += 1;
        }
        // Tables without rows have no lines: they are checked (as empty) when passed over.
        while (manifest.tables[position] && manifest.tables[position]!.name !== table) {
          await close(manifest.tables[position]!);
          position += 1;
        }
        const entry = manifest.tables[position];
        if (!entry) throw damaged(`rows of table ${table} are out of manifest order or not in it`);
        current = { entry, rows: 0, hash: createHash('sha256'), batch: [], batchBytes: 0 };
      }
      current.rows += 1;
      current.hash.update(`${row}\n`);
      current.batch.push(row);
      current.batchBytes += row.length;
      if (current.batch.length >= BATCH_ROWS || current.batchBytes >= BATCH_BYTES) await flush(current);
    }
    if (!manifest) throw damaged('it is empty');
    for (; position < manifest.tables.length; position += 1) await close(manifest.tables[position]!);
    return manifest;
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('Z_'))
      throw damaged('it is not a valid gzip file', String(error));
    throw error;
  }
}

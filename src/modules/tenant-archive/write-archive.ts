import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGzip, gzipSync } from 'node:zlib';
import { type ArchiveManifest, type ArchiveTable, dataLine } from './archive-format.js';
import { readTableRows, type RowSource } from './read-table-rows.js';
import { readTableLayout } from './table-layout.js';

/** The archive as written: its manifest, size and the SHA-256 of the whole file. */
export interface WrittenArchive {
  manifest: ArchiveManifest;
  bytes: number;
  sha256: string;
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Writes the tenant's rows of `tables` to `file`, streaming. Rows go first to a side file while
 * their checksums are computed; the final file is the gzipped manifest followed by that file's
 * gzip member (gzip allows concatenated members), so the manifest leads without a second read
 * of the database. Appears under its final name only when complete.
 */
export async function writeArchive(
  source: RowSource,
  tables: string[],
  header: Omit<ArchiveManifest, 'tables'>,
  file: string,
): Promise<WrittenArchive> {
  const rowsFile = `${file}.rows`;
  const partial = `${file}.partial`;
  try {
    const gzip = createGzip();
    const written = pipeline(gzip, createWriteStream(rowsFile));
    const entries: ArchiveTable[] = [];
    try {
      for (const table of tables) {
        const layout = await readTableLayout(source.run, source.schema, table);
        if (!layout) continue; // a module whose migrations this storage has not run yet: no rows to lose
        const hash = createHash('sha256');
        let rows = 0;
        for await (const batch of readTableRows(source, layout)) {
          let chunk = '';
          for (const row of batch) {
            hash.update(`${row}\n`);
            chunk += dataLine(table, row);
          }
          rows += batch.length;
          if (!gzip.write(chunk)) await once(gzip, 'drain');
        }
        const primaryKey = layout.key.map((column) => column.name);
        entries.push({
          name: table,
          columns: layout.columns,
          primary_key: primaryKey,
          rows,
          sha256: hash.digest('hex'),
        });
      }
      gzip.end();
      await written;
    } catch (error) {
      gzip.destroy();
      await written.catch(() => undefined);
      throw error;
    }
    const manifest: ArchiveManifest = { ...header, tables: entries };
    await writeFile(partial, gzipSync(`${JSON.stringify(manifest)}\n`));
    await pipeline(createReadStream(rowsFile), createWriteStream(partial, { flags: 'a' }));
    const sha256 = await sha256File(partial);
    const { size } = await stat(partial);
    await rename(partial, file);
    return { manifest, bytes: size, sha256 };
  } finally {
    await rm(rowsFile, { force: true });
    await rm(partial, { force: true });
  }
}

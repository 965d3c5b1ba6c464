import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';

/** An archive received as a request body, spooled to a file rather than held in memory. */
export class ArchiveUpload {
  constructor(
    readonly file: string,
    readonly bytes: number,
  ) {}
}

/** The largest archive an import accepts. */
export const ARCHIVE_BODY_LIMIT = 1024 ** 3;

const tooLarge = () =>
  new AppError('VALIDATION_FAILED', 'The archive is larger than the 1 GiB an import accepts');

/**
 * Makes the routes of `app` (an encapsulated context of their own) take gzip or octet-stream
 * bodies, streamed to a temporary file under `dir` and removed once the response is sent. Every
 * other content type is refused, so nobody can make the server buffer a 1 GiB JSON body.
 */
export function receiveArchiveUploads(app: FastifyInstance, dir: string): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    ['application/gzip', 'application/x-gzip', 'application/octet-stream'],
    async (request: FastifyRequest, payload: IncomingMessage) => {
      if (Number(request.headers['content-length'] ?? 0) > ARCHIVE_BODY_LIMIT) throw tooLarge();
      await mkdir(dir, { recursive: true });
      const file = path.join(dir, `upload-${randomUUID()}.gz`);
      let bytes = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          bytes += chunk.length;
          callback(bytes > ARCHIVE_BODY_LIMIT ? tooLarge() : null, chunk);
        },
      });
      try {
        await pipeline(payload, counter, createWriteStream(file));
      } catch (error) {
        await rm(file, { force: true });
        throw error;
      }
      return new ArchiveUpload(file, bytes);
    },
  );
  app.addContentTypeParser('*', async () => {
    throw new AppError(
      'VALIDATION_FAILED',
      'Send the archive as the request body with Content-Type: application/gzip',
    );
  });
  app.addHook('onResponse', async (request) => {
    if (request.body instanceof ArchiveUpload) await rm(request.body.file, { force: true });
  });
}

import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.js';

/**
 * A `/demand` body not yet read: the content-type parser hands the route the raw stream, so the
 * tenant, feature and permission checks run before a byte of it is spooled. The stream is a
 * private field, invisible to the input guard's walk over bodies.
 */
export class DemandUpload {
  readonly #stream: Readable;
  constructor(
    stream: Readable,
    readonly format: 'json' | 'csv',
  ) {
    this.#stream = stream;
  }
  get stream(): Readable {
    return this.#stream;
  }
}

const wrongType = () =>
  new AppError('VALIDATION_FAILED', 'Send the rows as application/json {"rows":[...]} or as text/csv');

/**
 * Makes the routes of `app` (an encapsulated context of their own) take JSON or CSV bodies as
 * streams rather than parsed values; every other content type is refused.
 */
export function receiveDemandUploads(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', (request, payload: IncomingMessage, done) => {
    const charset = /charset=([^;]+)/i
      .exec(request.headers['content-type'] ?? '')?.[1]
      ?.trim()
      .toLowerCase();
    if (charset && charset !== 'utf-8' && charset !== 'utf8') return done(wrongType(), undefined);
    done(null, new DemandUpload(payload, 'json'));
  });
  app.addContentTypeParser('text/csv', (_request, payload: IncomingMessage, done) => {
    done(null, new DemandUpload(payload, 'csv'));
  });
  app.addContentTypeParser('*', (_request, _payload, done) => done(wrongType(), undefined));
}

import { mailOutboxHtmlMigration } from '../../mail/mail-outbox.table.js';
import type { AppServices } from '../../app/app-services.js';
import { listEnvelope, sendData, type TenantRoutes } from '../../http/route-kit.js';
import type { TenantModule } from '../module.js';
import { findOutboxMail } from './find-outbox-mail.js';
import { OutboxMail, OutboxQuery } from './outbox.schema.js';

function outboxRoutes(app: TenantRoutes, services: AppServices): void {
  app.get(
    '/outbox',
    {
      schema: {
        summary: 'Read the development mail outbox',
        description: 'Newest first; page (`page`, `per_page`) or cursor (`cursor`, `limit`) pagination.',
        operationId: 'listOutboxMail',
        tags: ['mail'],
        querystring: OutboxQuery,
        response: { 200: listEnvelope(OutboxMail) },
      },
      config: { platformAdmin: true },
    },
    async (request, reply) => {
      const page = await findOutboxMail(services.tenancy.platformDb, request.query);
      return sendData(reply, page.rows, { pagination: page.pagination });
    },
  );
}

/**
 * The development outbox: with no SMTP_URL, mail is kept in the platform database
 * and platform administrators read it here. It holds live links, so nobody else may.
 */
export const mailModule: TenantModule = {
  name: 'mail',
  feature: null,
  tables: [],
  migrations: [],
  platformMigrations: [mailOutboxHtmlMigration],
  routes: outboxRoutes,
};

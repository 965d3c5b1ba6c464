import type { AppServices } from '../../app/app-services.js';
import { dataEnvelope, sendData, type TenantRoutes } from '../../http/route-kit.js';
import type { TenantModule } from '../module.js';
import { DoctorQuery, DoctorReport } from './doctor.schema.js';
import { runDoctor } from './run-doctor.js';

function doctorRoutes(app: TenantRoutes, services: AppServices): void {
  app.get(
    '/platform/doctor',
    {
      schema: {
        summary: 'Check every isolation invariant against the live databases',
        description:
          'One result per check; answers 200 with the results even when a check fails (`status` is the worst).',
        operationId: 'runDoctor',
        tags: ['platform'],
        querystring: DoctorQuery,
        response: { 200: dataEnvelope(DoctorReport) },
      },
      config: { platformAdmin: true },
    },
    async (request, reply) => {
      const report = await runDoctor(services.tenancy, { tenantId: request.query.tenant });
      reply.header('Cache-Control', 'no-store');
      return sendData(reply, report);
    },
  );
}

/** `GET /platform/doctor`: the isolation doctor for operators, the same checks as `tenantbase doctor`. */
export const doctorModule: TenantModule = {
  name: 'doctor',
  feature: null,
  tables: [],
  migrations: [],
  routes: doctorRoutes,
};

import { Type } from '@sinclair/typebox';
import type { AppServices } from '../../app/app-services.js';
import { dataEnvelope, sendData, type TenantRoutes } from '../../http/route-kit.js';
import {
  FleetSummary,
  TenantReportCsvQuery,
  TenantReportPage,
  TenantReportQuery,
  Traffic,
  TrafficQuery,
  Trends,
  TrendQuery,
} from './fleet-reports.schema.js';
import { findReportTrends, findTenantTraffic } from './find-report-trends.js';
import { allTenantReports, findTenantReports } from './find-tenant-reports.js';
import { getFleetSummary } from './get-fleet-summary.js';
import { csvHeader, csvLines } from './tenant-reports-csv.js';

const tags = ['reports'];

/** The fleet reports: read from the rollup's tables, never by opening tenant storages. */
export function fleetReportRoutes(app: TenantRoutes, services: AppServices): void {
  const db = services.tenancy.platformDb;

  app.get(
    '/reports/tenants',
    {
      schema: {
        summary: 'Every tenant with users, storage, requests, errors and p95 over 24 h',
        description:
          'Sorted on any column (`-requests_24h` by default; nulls last both ways, then by tenant id). ' +
          'Page (`page`, `per_page`, default 20) or cursor (`cursor`, `limit`) pagination; cursor pages ' +
          "are keyset pages on (the sort column's value, tenant id).",
        operationId: 'listTenantReports',
        tags,
        querystring: TenantReportQuery,
        response: { 200: TenantReportPage },
      },
      config: { platformAdmin: true },
    },
    async (request, reply) => {
      const page = await findTenantReports(db, request.query);
      reply.header('Cache-Control', 'no-store');
      return reply.send({ success: true, data: page.rows, pagination: page.pagination, as_of: page.asOf });
    },
  );

  app.get(
    '/reports/tenants.csv',
    {
      schema: {
        summary: 'Download the tenant report as CSV (same filters and sort as the list)',
        operationId: 'downloadTenantReports',
        tags,
        querystring: TenantReportCsvQuery,
        response: { 200: { content: { 'text/csv': { schema: Type.String() } } } },
      },
      config: { platformAdmin: true },
    },
    async (request, reply) => {
      // Read a thousand rows at a time; 10,000 tenants make about 1.5 MB.
      let body = csvHeader();
      for await (const rows of allTenantReports(db, request.query)) body += csvLines(rows);
      const stamp = new Date().toISOString().slice(0, 10);
      reply
        .header('Content-Type', 'text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="tenants-${stamp}.csv"`)
        .header('Cache-Control', 'no-store');
      return reply.send(body);
    },
  );

  app.get(
    '/reports/summary',
    {
      schema: {
        summary: 'Tenant counts by status, tier and isolation, and fleet totals over 24 h',
        operationId: 'getFleetSummary',
        tags,
        response: { 200: dataEnvelope(FleetSummary) },
      },
      config: { platformAdmin: true },
    },
    async (_request, reply) => {
      reply.header('Cache-Control', 'no-store');
      return sendData(reply, await getFleetSummary(db));
    },
  );

  app.get(
    '/reports/trends',
    {
      schema: {
        summary: 'Daily history (up to 30 days) of one tenant or the fleet',
        operationId: 'getReportTrends',
        tags,
        querystring: TrendQuery,
        response: { 200: dataEnvelope(Trends) },
      },
      config: { platformAdmin: true },
    },
    async (request, reply) => sendData(reply, await findReportTrends(db, request.query)),
  );

  app.get(
    '/reports/traffic',
    {
      schema: {
        summary: 'Hourly requests, errors and p95 of one tenant or the fleet, from every process',
        operationId: 'getReportTraffic',
        tags,
        querystring: TrafficQuery,
        response: { 200: dataEnvelope(Traffic) },
      },
      config: { platformAdmin: true },
    },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      return sendData(reply, await findTenantTraffic(db, request.query));
    },
  );
}

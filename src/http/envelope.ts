import { type TSchema, Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';

/** The success envelope around one object. */
export const dataEnvelope = <T extends TSchema>(data: T) =>
  Type.Object({ success: Type.Literal(true), data, tenant_id: Type.Optional(Type.String()) });

/** The success envelope around a page of objects. */
export const listEnvelope = <T extends TSchema>(item: T) =>
  Type.Object({
    success: Type.Literal(true),
    data: Type.Array(item),
    pagination: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    tenant_id: Type.Optional(Type.String()),
  });

/** Sends `data` in the success envelope, naming the resolved tenant when there is one. */
export function sendData(
  reply: FastifyReply,
  data: unknown,
  // Any page shape (modules/listing defines them): the edge only places it in the envelope.
  options: { status?: number; pagination?: object } = {},
): FastifyReply {
  const tenantId = reply.request.tenant?.id;
  const body: Record<string, unknown> = { success: true, data };
  if (options.pagination) body.pagination = options.pagination;
  if (tenantId) body.tenant_id = tenantId;
  return reply.code(options.status ?? 200).send(body);
}

/** Ends with 204 and no body (a typed reply would otherwise ask for the schema's `null` as the body). */
export function sendNoContent(reply: FastifyReply): FastifyReply {
  return reply.code(204).send();
}

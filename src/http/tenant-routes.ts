import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';

/**
 * The app as route files see it: `request.body`, `query` and `params` are typed from the route's
 * TypeBox schemas, so a handler never casts its input (the schema is the one validation, the type
 * follows it).
 */
export type TenantRoutes = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** Gives route registration the typed view; only types change, the instance is the same. */
export function typedRoutes(app: FastifyInstance): TenantRoutes {
  return app.withTypeProvider<TypeBoxTypeProvider>();
}

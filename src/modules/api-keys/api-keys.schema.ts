import { type Static, Type } from '@sinclair/typebox';
import { PermissionName } from '../roles/roles.schema.js';

export const ApiKey = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  permissions: Type.Array(Type.String()),
  created_by: Type.Union([Type.String(), Type.Null()]),
  created_at: Type.String({ format: 'date-time' }),
  last_used_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revoked_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

/** Only the create answer carries the secret; it is never shown again. */
export const CreatedApiKey = Type.Intersect([ApiKey, Type.Object({ secret: Type.String() })]);

export const CreateApiKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    permissions: Type.Array(PermissionName, { minItems: 1, maxItems: 200, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type CreateApiKeyBody = Static<typeof CreateApiKeyBody>;

export const ApiKeyIdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

import { type Static, Type } from '@sinclair/typebox';
import { type Permission, PERMISSION_FORMAT } from '../../identity/permissions.js';

/** One of the permissions the registered modules declare (checked by the `permission` format). */
export const PermissionName = Type.Unsafe<Permission>(
  Type.String({
    format: PERMISSION_FORMAT,
    maxLength: 64,
    description: 'a permission declared by a module, such as deployments:read',
  }),
);
const Permissions = Type.Array(PermissionName, { maxItems: 400 });
const Name = Type.String({
  pattern: '^[a-z][a-z0-9_-]{1,39}$',
  description: 'lowercase slug, 2-40 characters',
});

/** A role; `id` repeats the name, which is what addresses a role (`/roles/{name}`). */
export const Role = Type.Object({
  id: Type.String(),
  name: Type.String(),
  permissions: Type.Array(PermissionName),
  built_in: Type.Boolean(),
  created_at: Type.String({ format: 'date-time' }),
});
export type Role = Static<typeof Role>;

export const CreateRoleBody = Type.Object(
  { name: Name, permissions: Permissions },
  { additionalProperties: false },
);
export type CreateRoleBody = Static<typeof CreateRoleBody>;

export const UpdateRoleBody = Type.Object(
  { name: Type.Optional(Name), permissions: Type.Optional(Permissions) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateRoleBody = Static<typeof UpdateRoleBody>;

export const RoleNameParams = Type.Object({ name: Type.String({ maxLength: 64 }) });

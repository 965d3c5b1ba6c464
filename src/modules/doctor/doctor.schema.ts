import { type Static, Type } from '@sinclair/typebox';

export const DoctorQuery = Type.Object(
  {
    tenant: Type.Optional(
      Type.String({ minLength: 1, maxLength: 63, description: "check only this tenant's storages" }),
    ),
  },
  { additionalProperties: false },
);
export type DoctorQuery = Static<typeof DoctorQuery>;

export const DoctorCheck = Type.Object({
  name: Type.String({ description: 'what was checked, prefixed by the storage (`pool`, `schema:<id>`)' }),
  status: Type.Union([Type.Literal('ok'), Type.Literal('warn'), Type.Literal('fail')]),
  detail: Type.String({ description: 'what holds, or what is broken followed by the fix' }),
});

export const DoctorReport = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('warn'), Type.Literal('fail')], {
    description: 'the worst status of any check',
  }),
  checked_at: Type.String({ format: 'date-time' }),
  duration_ms: Type.Integer(),
  counts: Type.Object({ ok: Type.Integer(), warn: Type.Integer(), fail: Type.Integer() }),
  checks: Type.Array(DoctorCheck),
});
export type DoctorReport = Static<typeof DoctorReport>;

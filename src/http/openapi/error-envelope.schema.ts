import { Type } from '@sinclair/typebox';
import { errorStatus } from '../../errors.js';

/** Every error response's body, as `sendError` writes it; one component in the OpenAPI document. */
export const ErrorEnvelope = Type.Object(
  {
    success: Type.Literal(false),
    error: Type.Object({
      code: Type.Union(Object.keys(errorStatus).map((code) => Type.Literal(code))),
      message: Type.String({ description: 'Safe to show; never names another tenant’s data.' }),
      details: Type.Optional(
        Type.Array(Type.Object({ path: Type.String(), message: Type.String() }), {
          description: 'Which input failed validation (VALIDATION_FAILED only).',
        }),
      ),
    }),
    request_id: Type.String({ description: 'Quote it when reporting a problem; it is in the server log.' }),
  },
  { $id: 'ErrorEnvelope', title: 'ErrorEnvelope' },
);

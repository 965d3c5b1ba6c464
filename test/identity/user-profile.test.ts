import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, TIER_OF } from '../support/identity-api.js';
import { ISOLATIONS, startTestInstance, type TestInstance } from '../support/test-instance.js';

let tb: TestInstance;
beforeAll(async () => {
  tb = await startTestInstance();
}, 120_000);
afterAll(async () => {
  await tb?.destroy();
});

describe.for(ISOLATIONS)('%s isolation', (isolation) => {
  it('keeps name, job title and department on users: create, read, list, change and clear', async () => {
    const id = `profile-${isolation}`;
    await tb.createTenant({ id, isolation, tier: TIER_OF[isolation] });
    const owner = await tb.login(`owner@${id}.test`, 'owner-password-1', id);
    const created = await api(tb, owner, 'POST', '/users', {
      payload: {
        email: 'dana@example.test',
        role: 'member',
        password: 'dana-password-1',
        name: ' Dana Scully ',
        job_title: 'Hygienist',
        department: 'Clinic',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const user = created.json().data;
    expect(user).toMatchObject({ name: 'Dana Scully', job_title: 'Hygienist', department: 'Clinic' });

    const invited = await api(tb, owner, 'POST', '/users', {
      payload: { email: 'fox@example.test', role: 'viewer', name: 'Fox' },
    });
    expect(invited.json().data).toMatchObject({
      status: 'invited',
      name: 'Fox',
      job_title: null,
      department: null,
    });

    const changed = await api(tb, owner, 'PATCH', `/users/${user.id}`, {
      payload: { job_title: 'Lead hygienist', department: null },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().data).toMatchObject({
      name: 'Dana Scully',
      job_title: 'Lead hygienist',
      department: null,
      roles: ['member'],
    });
    const listed = (await api(tb, owner, 'GET', '/users')).json().data as Array<Record<string, unknown>>;
    expect(listed.find((row) => row.id === user.id)).toMatchObject({ job_title: 'Lead hygienist' });
    const tooLong = await api(tb, owner, 'PATCH', `/users/${user.id}`, {
      payload: { name: 'x'.repeat(201) },
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.details[0].path).toBe('name');
  });
});

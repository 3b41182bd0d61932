import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock';
import { type TestApp, createTestApp } from '../../test/harness';

// 10:00 on 10/03/2026 in Vietnam.
const START = new Date('2026-03-10T03:00:00Z');

describe('Ủy quyền: giao, nhận, thu hồi', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp({ clock: new ManualClock(START) });
    for (const r of await t.db.rows<{ username: string; id: string }>(sql`SELECT username, id FROM users`))
      ids[r.username] = r.id;
  });
  afterAll(() => t.close());

  const post = async (username: string, url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, headers: { cookie: await t.login(username) }, payload });
  const delegate = (from: string, to: string, startsOn: string, endsOn: string, note?: string) =>
    post(from, '/api/account/delegations', { toUserId: ids[to], startsOn, endsOn, note });

  it('gives a delegation to a colleague of the same unit, audited, listed on both sides', async () => {
    const res = await delegate('truongphong', 'photruongphong', '2026-03-10', '2026-03-14', ' Đi công tác  ');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      from: { fullName: 'Huỳnh Văn Tiến' },
      to: { fullName: 'Trần Minh Quang' },
      startsOn: '2026-03-10',
      endsOn: '2026-03-14',
      note: 'Đi công tác',
      status: 'active',
      abilities: { revoke: true },
    });
    const [audit] = await t.db.rows<{ actor_id: string; after: { toUserId: string } }>(
      sql`SELECT actor_id, after FROM audit_log WHERE action = 'delegation.create'`,
    );
    expect(audit).toMatchObject({ actor_id: ids.truongphong, after: { toUserId: ids.photruongphong } });
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/account/delegations',
      headers: { cookie: await t.login('photruongphong') },
    });
    expect(list.json().given).toEqual([]);
    expect(list.json().received[0]).toMatchObject({ from: { id: ids.truongphong }, abilities: { revoke: false } });
  });

  it('delegates down the tree, never up, sideways, to oneself or to a disabled account', async () => {
    expect((await delegate('truongphong', 'th.gv1', '2026-03-20', '2026-03-21')).statusCode).toBe(200);
    await t.db.rows(sql`UPDATE users SET status = 'disabled' WHERE username = 'th.gv2'`);
    for (const [from, to] of [
      ['th.gv1', 'chuyenvien1'],
      ['th.gv1', 'thcs.gv1'],
      ['th.gv1', 'th.gv1'],
      ['th.hieutruong', 'th.gv2'],
    ]) {
      const res = await delegate(from, to, '2026-03-11', '2026-03-12');
      expect(res.statusCode, `${from} → ${to}`).toBe(400);
      expect(res.json().error.fields[0].path).toBe('body.toUserId');
    }
    await t.db.rows(sql`UPDATE users SET status = 'active' WHERE username = 'th.gv2'`);
  });

  it('checks the dates: real, not in the past, end not before start; no overlap with the same person', async () => {
    const cases: [string, string, string][] = [
      ['2026-03-09', '2026-03-12', 'body.startsOn'],
      ['2026-03-12', '2026-03-11', 'body.endsOn'],
      ['2026-02-30', '2026-03-11', 'body.startsOn'],
      ['11/03/2026', '2026-03-12', 'body.startsOn'],
    ];
    for (const [startsOn, endsOn, field] of cases) {
      const res = await delegate('th.hieutruong', 'th.vanthu', startsOn, endsOn);
      expect(res.statusCode, startsOn).toBe(400);
      expect(res.json().error.fields[0].path).toBe(field);
    }
    const overlap = await delegate('truongphong', 'photruongphong', '2026-03-14', '2026-03-16');
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().error.code).toBe('DUPLICATE');
    const [{ n }] = await t.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM delegations`);
    expect(n).toBe(2);
  });

  it('lets only the delegator revoke, once', async () => {
    const res = await delegate('th.hieutruong', 'th.vanthu', '2026-03-12', '2026-03-13');
    const id = res.json().id;
    expect((await post('th.vanthu', `/api/account/delegations/${id}/revoke`, {})).statusCode).toBe(404);
    expect((await post('admin', `/api/account/delegations/${id}/revoke`, {})).statusCode).toBe(404);
    const ok = await post('th.hieutruong', `/api/account/delegations/${id}/revoke`, {});
    expect(ok.json()).toMatchObject({ status: 'revoked', abilities: { revoke: false } });
    const again = await post('th.hieutruong', `/api/account/delegations/${id}/revoke`, {});
    expect(again.json().error.code).toBe('INVALID_STATE');
    expect(
      await t.db.rows(sql`SELECT 1 FROM audit_log WHERE action = 'delegation.revoke' AND entity_id = ${id}`),
    ).toHaveLength(1);
  });
});

import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRealtimeMessage } from '../../../contracts/badges';
import { type TestApp, createTestApp } from '../../test/harness';

/** A WebSocket client that collects what the real-time channel sends. */
async function listen(app: FastifyInstance, cookie: string) {
  const received: TRealtimeMessage[] = [];
  const ws = await app.injectWS('/api/realtime', { headers: { cookie } } as never, {
    onInit: (socket) => socket.on('message', (data: Buffer) => received.push(JSON.parse(data.toString()))),
  });
  const next = async (pred: (m: TRealtimeMessage) => boolean, ms = 3000) => {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      const found = received.find(pred);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('no such message in time');
  };
  return { ws, received, next };
}

const pendingCount = (m: TRealtimeMessage) => (m.type === 'badges' ? m.badges.accountRequests : -1);

describe('Duyệt đề xuất thay đổi thông tin (Điều 3.7f)', () => {
  let t: TestApp;
  let admin: string;
  let schoolAdmin: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    for (const r of await t.db.rows<{ k: string; id: string }>(sql`
      SELECT 'unit:' || code AS k, id FROM units UNION ALL SELECT 'title:' || name, id FROM job_titles
      UNION ALL SELECT 'user:' || username, id FROM users`))
      ids[r.k] = r.id;
    // The head of the primary school also administers users of that school (and only it).
    await t.db.rows(sql`INSERT INTO user_groups (user_id, group_id, scope)
      SELECT ${ids['user:th.hieutruong']}::uuid, id, 'subtree' FROM groups WHERE code = 'quan-tri'`);
    admin = await t.login('admin');
    schoolAdmin = await t.login('th.hieutruong');
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST', url: string, cookie: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, payload });
  const propose = async (username: string, payload: object) => {
    t.clock.advance(60_000);
    const res = await call('POST', '/api/account/proposals', await t.login(username), payload);
    expect(res.statusCode).toBe(200);
    return res.json().id as string;
  };
  const queue = async (cookie: string, qs = '') =>
    (await call('GET', `/api/admin/account-proposals${qs}`, cookie)).json();
  const badge = async (cookie: string) => (await call('GET', '/api/badges', cookie)).json().accountRequests;

  it('counts a new proposal on the badge of the administrators in scope, in real time', async () => {
    const adminWs = await listen(t.app, admin);
    await adminWs.next((m) => pendingCount(m) === 0);
    const id = await propose('chuyenvien1', { phone: '0987 654 321', reason: 'Đổi số điện thoại' });
    await adminWs.next((m) => pendingCount(m) === 1);
    expect(await badge(admin)).toBe(1);
    // The school administrator does not manage the Phòng; other people see nothing.
    expect(await badge(schoolAdmin)).toBe(0);
    expect(await badge(await t.login('chuyenvien2'))).toBe(0);
    adminWs.ws.terminate();
    ids.p1 = id;
  });

  it('lists the queue with current → proposed values, scoped in SQL to the administrator', async () => {
    await propose('th.gv1', { address: 'Ấp Xẻo Nhàu', reason: 'Chuyển nhà' });
    await propose('thcs.gv1', { jobTitleId: ids['title:Phó Hiệu trưởng'], reason: 'Được bổ nhiệm' });
    const all = await queue(admin);
    expect(all.total).toBe(3);
    expect(all.items[0]).toMatchObject({
      id: ids.p1,
      user: { username: 'chuyenvien1', fullName: 'Lê Hoàng Nam' },
      changes: [{ field: 'phone', proposed: '0987654321' }],
      abilities: { decide: true },
    });
    const school = await queue(schoolAdmin);
    expect(school.items.map((i: { user: { username: string } }) => i.user.username)).toEqual(['th.gv1']);
    expect(await badge(schoolAdmin)).toBe(1);
    // Search without diacritics, sort and paging.
    expect((await queue(admin, '?q=minh%20khoa')).items).toHaveLength(1);
    expect((await queue(admin, '?q=hoang%20nam')).items[0].user.username).toBe('chuyenvien1');
    const sorted = await queue(admin, '?sort=fullName&dir=asc&pageSize=5');
    // People in Vietnamese order of the given name: Đức, Khoa, Nam.
    expect(sorted.items.map((i: { user: { fullName: string } }) => i.user.fullName)).toEqual([
      'Huỳnh Văn Đức',
      'Trịnh Minh Khoa',
      'Lê Hoàng Nam',
    ]);
    const page2 = await queue(admin, '?pageSize=5&page=2');
    expect(page2).toMatchObject({ items: [], total: 3, page: 2 });
    expect((await queue(admin, '?status=approved')).items).toEqual([]);
  });

  it('refuses the queue and decisions to non-administrators (403) and hides other units (404)', async () => {
    const staff = await t.login('chuyenvien2');
    expect((await call('GET', '/api/admin/account-proposals', staff)).statusCode).toBe(403);
    expect((await call('POST', `/api/admin/account-proposals/${ids.p1}/approve`, staff, {})).statusCode).toBe(403);
    expect(
      (await call('POST', `/api/admin/account-proposals/${ids.p1}/reject`, staff, { note: 'Không' })).statusCode,
    ).toBe(403);
    // A sibling unit's administrator may not learn the proposal exists.
    const [thcs] = (await queue(admin, '?q=minh%20khoa')).items;
    expect((await call('POST', `/api/admin/account-proposals/${thcs.id}/approve`, schoolAdmin, {})).statusCode).toBe(
      404,
    );
    expect(
      (await call('POST', `/api/admin/account-proposals/${thcs.id}/reject`, schoolAdmin, { note: 'x' })).statusCode,
    ).toBe(404);
    expect(
      (await call('POST', '/api/admin/account-proposals/00000000-0000-7000-8000-000000000000/approve', admin, {}))
        .statusCode,
    ).toBe(404);
    expect((await call('GET', '/api/admin/account-proposals?status=nope', admin)).statusCode).toBe(400);
  });

  it('approves: applies the change to the user, audits before/after, tells the proposer in real time', async () => {
    const nam = await t.login('chuyenvien1');
    const namWs = await listen(t.app, nam);
    const adminWs = await listen(t.app, admin);
    await adminWs.next((m) => pendingCount(m) === 3);
    const res = await call('POST', `/api/admin/account-proposals/${ids.p1}/approve`, admin, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'approved',
      decidedByName: 'Quản Trị Hệ Thống',
      abilities: { decide: false },
    });
    expect((await call('GET', '/api/account', nam)).json().phone).toBe('0987654321');
    const [row] = await t.db.rows<{ actor_id: string; before: { phone: string }; after: { phone: string } }>(
      sql`SELECT actor_id, before, after FROM audit_log WHERE action = 'user.update' AND entity_id = ${ids['user:chuyenvien1']}`,
    );
    expect(row.actor_id).toBe(ids['user:admin']);
    expect(row.before.phone).not.toBe('0987654321');
    expect(row.after.phone).toBe('0987654321');
    const note = await namWs.next((m) => m.type === 'notification');
    expect(note).toMatchObject({ title: 'Đề xuất thay đổi thông tin đã được duyệt', link: '/app/account' });
    await adminWs.next((m) => pendingCount(m) === 2);
    // Decided once only.
    const again = await call('POST', `/api/admin/account-proposals/${ids.p1}/approve`, admin, {});
    expect(again.json().error.code).toBe('INVALID_STATE');
    expect((await queue(admin, '?status=approved')).items[0]).toMatchObject({ id: ids.p1, status: 'approved' });
    namWs.ws.terminate();
    adminWs.ws.terminate();
  });

  it('moves a user to another unit only when the administrator manages both units', async () => {
    const id = await propose('th.gv2', { unitId: ids['unit:THCSAM'], reason: 'Điều động' });
    expect(await badge(schoolAdmin)).toBe(2);
    const mine = (await queue(schoolAdmin)).items.find((i: { id: string }) => i.id === id);
    expect(mine.abilities.decide).toBe(false);
    expect((await call('POST', `/api/admin/account-proposals/${id}/approve`, schoolAdmin, {})).statusCode).toBe(403);
    const ok = await call('POST', `/api/admin/account-proposals/${id}/approve`, admin, {});
    expect(ok.statusCode).toBe(200);
    const [u] = await t.db.rows<{ unit_id: string }>(sql`SELECT unit_id FROM users WHERE username = 'th.gv2'`);
    expect(u.unit_id).toBe(ids['unit:THCSAM']);
  });

  it('rejects with a required note; the user row stays unchanged', async () => {
    const [p] = (await queue(schoolAdmin)).items;
    const noNote = await call('POST', `/api/admin/account-proposals/${p.id}/reject`, schoolAdmin, {});
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.fields[0].path).toBe('body.note');
    const blank = await call('POST', `/api/admin/account-proposals/${p.id}/reject`, schoolAdmin, { note: '  ' });
    expect(blank.statusCode).toBe(400);
    const res = await call('POST', `/api/admin/account-proposals/${p.id}/reject`, schoolAdmin, {
      note: 'Địa chỉ chưa đúng',
    });
    expect(res.json()).toMatchObject({ status: 'rejected', decisionNote: 'Địa chỉ chưa đúng' });
    const gv1 = (await call('GET', '/api/account', await t.login('th.gv1'))).json();
    expect(gv1.address).toBeNull();
    expect(gv1.proposals[0]).toMatchObject({ status: 'rejected', decisionNote: 'Địa chỉ chưa đúng' });
    const [audit] = await t.db.rows<{ actor_id: string }>(
      sql`SELECT actor_id FROM audit_log WHERE action = 'account.proposal.reject'`,
    );
    expect(audit.actor_id).toBe(ids['user:th.hieutruong']);
  });

  it('never lets an administrator decide their own proposal', async () => {
    const id = await propose('admin', { address: 'Phòng máy chủ', reason: 'Cập nhật' });
    expect((await queue(admin)).items.some((i: { id: string }) => i.id === id)).toBe(false);
    expect((await call('POST', `/api/admin/account-proposals/${id}/approve`, admin, {})).statusCode).toBe(403);
  });

  it('writes nothing when approving fails half-way (unit deactivated since)', async () => {
    const id = await propose('mn.gv1', { unitId: ids['unit:THAM'], phone: '0900000001', reason: 'Điều động' });
    await t.db.rows(sql`UPDATE units SET active = false WHERE code = 'THAM'`);
    const res = await call('POST', `/api/admin/account-proposals/${id}/approve`, admin, {});
    expect(res.statusCode).toBe(409);
    await t.db.rows(sql`UPDATE units SET active = true WHERE code = 'THAM'`);
    const [u] = await t.db.rows<{ phone: string }>(sql`SELECT phone FROM users WHERE username = 'mn.gv1'`);
    expect(u.phone).not.toBe('0900000001');
    const [p] = await t.db.rows<{ status: string }>(sql`SELECT status FROM profile_change_requests WHERE id = ${id}`);
    expect(p.status).toBe('pending');
    const audits = await t.db.rows(
      sql`SELECT 1 FROM audit_log WHERE action = 'account.proposal.approve' AND entity_id = ${id}`,
    );
    expect(audits).toHaveLength(0);
  });
});

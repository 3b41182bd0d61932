import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TScheduleCopyResult, TScheduleEntry, TScheduleUnit, TScheduleWeek } from '../../../contracts/schedule';
import { ManualClock } from '../../platform/clock';
import { auditOf, call, countRows } from '../../test/api-helpers';
import { type TestApp, createTestApp } from '../../test/harness';

// Wednesday 25/11/2026, 10:00 in Vietnam: the week is Monday 23/11 to Sunday 29/11.
const THIS_WEEK = '2026-11-23';
const LAST_WEEK = '2026-11-16';

describe('Lịch đơn vị (lịch công tác tuần)', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-11-25T03:00:00Z'));
  let mn: string;
  let th: string;
  let pgd: string;
  const who: Record<string, string> = {};
  const as = async (u: string) => {
    if (!who[u]) who[u] = await t.login(u);
    return who[u];
  };
  const week = async (user: string, unitId: string, weekStart = THIS_WEEK) => {
    const res = await call(t, await as(user), 'GET', `/api/schedule/week?unitId=${unitId}&weekStart=${weekStart}`);
    expect(res.statusCode).toBe(200);
    return res.json() as TScheduleWeek;
  };
  const add = (user: string, body: Record<string, unknown>) =>
    as(user).then((c) => call(t, c, 'POST', '/api/schedule/entries', body));
  const line = (unitId: string, extra: Record<string, unknown> = {}) => ({
    unitId,
    weekStart: THIS_WEEK,
    day: '2026-11-23',
    session: 'morning',
    startTime: '07:30',
    content: 'Chào cờ đầu tuần',
    chair: 'Hiệu trưởng',
    participants: 'Toàn thể giáo viên',
    location: 'Sân trường',
    preparingUnit: 'Đoàn trường',
    ...extra,
  });
  const unitId = async (code: string) =>
    (await t.db.rows<{ id: string }>(sql`SELECT id FROM units WHERE code = ${code}`))[0].id;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    mn = await unitId('MNAM');
    th = await unitId('THAM');
    pgd = await unitId('PGDDT');
  });
  afterAll(() => t.close());

  it('a clerk drafts the week; lines come back by day, session and time; every change is audited', async () => {
    const a = await add('mn.vanthu', line(mn, { day: '2026-11-24', session: 'afternoon', startTime: '14:00' }));
    expect(a.statusCode).toBe(201);
    const b = await add('mn.vanthu', line(mn, { content: '  Họp hội đồng\u0300 ', startTime: '' }));
    expect(b.statusCode).toBe(201);
    expect((b.json() as TScheduleEntry).startTime).toBeNull();
    const c = await add('mn.vanthu', line(mn, { startTime: '07:00', chair: '', location: null }));
    expect(c.json()).toMatchObject({ chair: null, location: null });

    const w = await week('mn.vanthu', mn);
    expect(w).toMatchObject({
      unit: { id: mn, shortName: 'MNAM' },
      weekStart: THIS_WEEK,
      weekEnd: '2026-11-29',
      status: 'draft',
      abilities: { edit: true, publish: false, seeDrafts: true },
    });
    // Monday morning 07:00, Monday morning untimed last, Tuesday afternoon.
    expect(w.entries.map((e) => [e.day, e.session, e.startTime])).toEqual([
      ['2026-11-23', 'morning', '07:00'],
      ['2026-11-23', 'morning', null],
      ['2026-11-24', 'afternoon', '14:00'],
    ]);
    expect(w.entries[1].content).toBe('Họp hội đồng\u0300'.normalize('NFC'));

    const id = (a.json() as TScheduleEntry).id;
    const edited = await call(t, await as('mn.vanthu'), 'PATCH', `/api/schedule/entries/${id}`, {
      location: 'Phòng họp',
      day: '2026-11-26',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ location: 'Phòng họp', day: '2026-11-26', content: 'Chào cờ đầu tuần' });
    const del = await call(
      t,
      await as('mn.vanthu'),
      'POST',
      `/api/schedule/entries/${(c.json() as TScheduleEntry).id}/delete`,
    );
    expect(del.statusCode).toBe(200);
    expect((await week('mn.vanthu', mn)).entries).toHaveLength(2);
    const stillThere = await t.db.rows(
      sql`SELECT 1 FROM schedule_entries WHERE id = ${(c.json() as TScheduleEntry).id}::uuid AND deleted_at IS NOT NULL`,
    );
    expect(stillThere).toHaveLength(1);
    expect((await auditOf(t, id)).map((r) => r.action)).toEqual(['schedule.entry.create', 'schedule.entry.update']);
    expect((await auditOf(t, (c.json() as TScheduleEntry).id)).map((r) => r.action)).toEqual([
      'schedule.entry.create',
      'schedule.entry.delete',
    ]);
  });

  it('other units see nothing of a draft; a teacher cannot edit; publishing shows it to everyone', async () => {
    expect(await week('chuyenvien2', mn)).toMatchObject({ status: 'draft', entries: [], abilities: { edit: false } });
    const gv = await week('mn.gv1', mn);
    expect(gv.entries).toEqual([]);
    expect((await add('mn.gv1', line(mn))).statusCode).toBe(404);
    expect((await add('th.vanthu', line(mn))).statusCode).toBe(404);

    const [first] = (await week('mn.vanthu', mn)).entries;
    const cv = await as('chuyenvien2');
    expect((await call(t, cv, 'PATCH', `/api/schedule/entries/${first.id}`, { content: 'x' })).statusCode).toBe(404);
    expect((await call(t, cv, 'POST', '/api/schedule/publish', { unitId: mn, weekStart: THIS_WEEK })).statusCode).toBe(
      404,
    );
    // The clerk drafts, only the leader publishes.
    const byClerk = await call(t, await as('mn.vanthu'), 'POST', '/api/schedule/publish', {
      unitId: mn,
      weekStart: THIS_WEEK,
    });
    expect(byClerk.statusCode).toBe(403);

    const pub = await call(t, await as('mn.hieutruong'), 'POST', '/api/schedule/publish', {
      unitId: mn,
      weekStart: '2026-11-25', // any day of the week names the week
    });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({
      status: 'published',
      weekStart: THIS_WEEK,
      publishedAt: clock.now().toISOString(),
      publishedBy: { fullName: 'Nguyễn Thị Hồng' },
      abilities: { edit: true, publish: true },
    });
    expect((await auditOf(t, `${mn}:${THIS_WEEK}`)).map((r) => r.action)).toEqual(['schedule.week.publish']);

    const seen = await week('chuyenvien2', mn);
    expect(seen).toMatchObject({ status: 'published', abilities: { edit: false, publish: false } });
    expect(seen.entries).toHaveLength(2);
    expect((await week('mn.gv1', mn)).entries).toHaveLength(2);
    // Seen, but still not theirs to change.
    expect((await call(t, cv, 'PATCH', `/api/schedule/entries/${first.id}`, { content: 'x' })).statusCode).toBe(403);
    expect((await add('mn.gv1', line(mn))).statusCode).toBe(403);

    const units = (await call(t, cv, 'GET', `/api/schedule/units?weekStart=${THIS_WEEK}`)).json() as TScheduleUnit[];
    expect(units[0]).toMatchObject({ id: pgd, own: true, canEdit: false });
    expect(units.find((u) => u.id === mn)).toMatchObject({ published: true, canEdit: false });
    expect(units.find((u) => u.id === th)).toMatchObject({ published: false });
    const mine = (await call(t, await as('mn.vanthu'), 'GET', '/api/schedule/units')).json() as TScheduleUnit[];
    expect(mine[0]).toMatchObject({ id: mn, own: true, canEdit: true, published: true });
  });

  it('a published week is changed by its publisher only (recorded), and unpublished back to draft', async () => {
    const clerk = await add('mn.vanthu', line(mn, { content: 'Dòng thêm sau khi công bố' }));
    expect(clerk.statusCode).toBe(403);
    expect((await week('mn.vanthu', mn)).abilities.edit).toBe(false);

    const leader = await add('mn.hieutruong', line(mn, { content: 'Kiểm tra nội bộ', day: '2026-11-27' }));
    expect(leader.statusCode).toBe(201);
    const audit = await auditOf(t, (leader.json() as TScheduleEntry).id);
    expect(audit[0].after).toMatchObject({ weekStatus: 'published' });
    expect((await week('chuyenvien2', mn)).entries).toHaveLength(3);

    const again = await call(t, await as('mn.hieutruong'), 'POST', '/api/schedule/publish', {
      unitId: mn,
      weekStart: THIS_WEEK,
    });
    expect(again.statusCode).toBe(409);
    const un = await call(t, await as('mn.hieutruong'), 'POST', '/api/schedule/unpublish', {
      unitId: mn,
      weekStart: THIS_WEEK,
    });
    expect(un.statusCode).toBe(200);
    expect(un.json()).toMatchObject({ status: 'draft', publishedAt: null, publishedBy: null });
    expect((await week('chuyenvien2', mn)).entries).toEqual([]);
    expect((await week('mn.vanthu', mn)).abilities.edit).toBe(true);
    await call(t, await as('mn.hieutruong'), 'POST', '/api/schedule/publish', { unitId: mn, weekStart: THIS_WEEK });
  });

  it("a school clerk cannot edit the department's week; the department's leader covers the schools below", async () => {
    expect((await add('vanthu', line(pgd, { content: 'Giao ban Phòng' }))).statusCode).toBe(201);
    expect((await add('mn.vanthu', line(pgd))).statusCode).toBe(404);
    expect((await week('mn.vanthu', pgd)).entries).toEqual([]);
    expect((await week('truongphong', pgd)).abilities).toEqual({ edit: true, publish: true, seeDrafts: true });
    // Trưởng phòng (subtree of the root) may look at and publish a school's draft.
    expect((await week('truongphong', th)).abilities).toMatchObject({ edit: true, publish: true });
    // A school's leader has nothing over the department.
    expect((await week('mn.hieutruong', pgd)).abilities).toEqual({ edit: false, publish: false, seeDrafts: false });
  });

  it('refuses bad input with the field at fault and writes nothing', async () => {
    const before = await countRows(t, 'schedule_entries');
    const audits = await countRows(t, 'audit_log');
    const cases: [Record<string, unknown>, string][] = [
      [line(th, { content: '   ' }), 'body.content'],
      [{ ...line(th), content: undefined }, 'body.content'],
      [line(th, { day: '2026-11-30' }), 'body.day'],
      [line(th, { day: '2026-11-22' }), 'body.day'],
      [line(th, { day: '2026-02-30' }), 'body.day'],
      [line(th, { session: 'evening' }), 'body.session'],
      [line(th, { startTime: '25:00' }), 'body.startTime'],
      [line(th, { startTime: '7h30' }), 'body.startTime'],
      [line(th, { chair: 'x'.repeat(501) }), 'body.chair'],
      [line(th, { unitId: 'not-a-uuid' }), 'body.unitId'],
    ];
    for (const [body, field] of cases) {
      const res = await add('th.vanthu', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(field);
    }
    const ok = (await add('th.vanthu', line(th))).json() as TScheduleEntry;
    const afterOk = await countRows(t, 'schedule_entries');
    const patch = await call(t, await as('th.vanthu'), 'PATCH', `/api/schedule/entries/${ok.id}`, {
      day: '2026-12-01',
    });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().error.fields[0].path).toBe('body.day');
    expect(
      (await call(t, await as('th.vanthu'), 'PATCH', `/api/schedule/entries/${ok.id}`, { content: '' })).statusCode,
    ).toBe(400);
    expect(await countRows(t, 'schedule_entries')).toBe(afterOk);
    expect(afterOk).toBe(before + 1);
    expect(await countRows(t, 'audit_log')).toBe(audits + 1);
    expect((await week('th.vanthu', th)).entries.map((e) => e.day)).toEqual(['2026-11-23']);
  });

  it('an unknown unit or an empty week is an empty week, not an error', async () => {
    const unknown = await week('chuyenvien1', '0190f000-0000-7000-8000-000000000000');
    expect(unknown).toMatchObject({ unit: null, entries: [], status: 'draft' });
    const empty = await week('chuyenvien1', th, '2027-01-06');
    expect(empty).toMatchObject({ unit: { id: th }, weekStart: '2027-01-04', weekEnd: '2027-01-10', entries: [] });
    // Without parameters: the own unit's current week.
    const own = (await call(t, await as('mn.gv1'), 'GET', '/api/schedule/week')).json() as TScheduleWeek;
    expect(own).toMatchObject({ unit: { id: mn }, weekStart: THIS_WEEK });
    const bad = await call(t, await as('mn.gv1'), 'GET', '/api/schedule/week?weekStart=2026-13-01');
    expect(bad.statusCode).toBe(400);
    // Publishing an empty week is refused.
    const pub = await call(t, await as('th.hieutruong'), 'POST', '/api/schedule/publish', {
      unitId: th,
      weekStart: '2027-01-04',
    });
    expect(pub.statusCode).toBe(409);
  });

  it("copies last week's lines into this week as a draft, once", async () => {
    const clerk = await as('thcs.vanthu');
    const thcs = await unitId('THCSAM');
    for (const [day, content] of [
      ['2026-11-16', 'Chào cờ'],
      ['2026-11-20', 'Sinh hoạt chuyên môn'],
    ])
      expect((await add('thcs.vanthu', line(thcs, { weekStart: LAST_WEEK, day, content }))).statusCode).toBe(201);
    const res = await call(t, clerk, 'POST', '/api/schedule/copy-previous', { unitId: thcs, weekStart: THIS_WEEK });
    expect(res.statusCode).toBe(200);
    const out = res.json() as TScheduleCopyResult;
    expect(out.copied).toBe(2);
    expect(out.week.status).toBe('draft');
    expect(out.week.entries.map((e) => [e.day, e.content])).toEqual([
      ['2026-11-23', 'Chào cờ'],
      ['2026-11-27', 'Sinh hoạt chuyên môn'],
    ]);
    const twice = (
      await call(t, clerk, 'POST', '/api/schedule/copy-previous', { unitId: thcs, weekStart: THIS_WEEK })
    ).json() as TScheduleCopyResult;
    expect(twice.copied).toBe(0);
    expect(twice.week.entries).toHaveLength(2);
    expect((await auditOf(t, `${thcs}:${THIS_WEEK}`)).map((r) => r.action)).toEqual([
      'schedule.week.copy-previous',
      'schedule.week.copy-previous',
    ]);
    const teacher = await call(t, await as('thcs.gv1'), 'POST', '/api/schedule/copy-previous', {
      unitId: thcs,
      weekStart: THIS_WEEK,
    });
    expect(teacher.statusCode).toBe(404);
  });

  it('prints the week as a PDF for whoever may see it', async () => {
    const res = await call(
      t,
      await as('chuyenvien2'),
      'GET',
      `/api/schedule/week.pdf?unitId=${mn}&weekStart=${THIS_WEEK}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.headers['content-disposition']).toContain('lich-cong-tac-MNAM-2026-11-23.pdf');
    const missing = await call(
      t,
      await as('chuyenvien2'),
      'GET',
      '/api/schedule/week.pdf?unitId=0190f000-0000-7000-8000-000000000000',
    );
    expect(missing.statusCode).toBe(404);
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCalendarEntry, TCalendarFeed } from '../../../contracts/personal-calendar';
import { ManualClock } from '../../platform/clock';
import { auditOf, call, countRows } from '../../test/api-helpers';
import { createTestApp, type TestApp } from '../../test/harness';
import { registerIncoming } from '../incoming/incoming.test-helpers';

let t: TestApp;
const c: Record<string, string> = {};
const id: Record<string, string> = {};
// Monday 2 March 2026, 08:00 in Vietnam.
const clock = new ManualClock(new Date('2026-03-02T01:00:00Z'));

const create = async (user: string, body: Record<string, unknown>) => {
  const res = await call(t, c[user], 'POST', '/api/calendar/entries', body);
  if (res.statusCode !== 201) throw new Error(`create: ${res.statusCode} ${res.body}`);
  return res.json() as TCalendarEntry;
};
const feed = async (user: string, from: string, to: string) => {
  const res = await call(t, c[user], 'GET', `/api/calendar/feed?from=${from}&to=${to}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as TCalendarFeed).items;
};
const signIn = async (...users: string[]) => {
  for (const u of users) c[u] = await t.login(u);
};

beforeAll(async () => {
  t = await createTestApp({ clock });
  await signIn('mn.gv2', 'mn.gv1', 'chuyenvien2', 'photruongphong', 'vanthu', 'truongphong');
  const rows = await t.db.rows<{ id: string; username: string }>(sql`SELECT id, username FROM users`);
  for (const r of rows) id[r.username] = r.id;
});
afterAll(() => t.close());

describe('entries: create, read, change, remove', () => {
  it('keeps an appointment in Vietnam local time and shows it in the feed', async () => {
    const e = await create('mn.gv2', {
      kind: 'appointment',
      title: '  Gặp phụ huynh em Minh Anh ',
      withWhom: 'Phụ huynh lớp Lá 2',
      location: 'Phòng họp nhà trường',
      startDate: '2026-03-04',
      startTime: '14:30',
      endTime: '15:15',
      remindMinutes: 30,
    });
    expect(e).toMatchObject({
      kind: 'appointment',
      title: 'Gặp phụ huynh em Minh Anh',
      allDay: false,
      startDate: '2026-03-04',
      startTime: '14:30',
      endDate: '2026-03-04',
      endTime: '15:15',
      recurrence: null,
      remindMinutes: 30,
    });
    const items = await feed('mn.gv2', '2026-03-02', '2026-03-08');
    expect(items).toEqual([
      expect.objectContaining({
        key: `${e.id}:2026-03-04`,
        source: 'entry',
        kind: 'appointment',
        start: '2026-03-04T07:30:00.000Z',
        end: '2026-03-04T08:15:00.000Z',
        allDay: false,
        remind: true,
      }),
    ]);
    expect((await call(t, c['mn.gv2'], 'GET', `/api/calendar/entries/${e.id}`)).json().title).toBe(
      'Gặp phụ huynh em Minh Anh',
    );
  });

  it('changes and removes an entry (soft), with the audit trail', async () => {
    const e = await create('mn.gv2', { title: 'Dự giờ lớp Chồi 1', startDate: '2026-03-05', startTime: '08:00' });
    expect(e.endTime).toBe('09:00');
    const changed = await call(t, c['mn.gv2'], 'PUT', `/api/calendar/entries/${e.id}`, {
      title: 'Dự giờ lớp Chồi 2',
      startDate: '2026-03-06',
      allDay: true,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      allDay: true,
      startDate: '2026-03-06',
      endDate: '2026-03-06',
      startTime: null,
    });
    expect((await call(t, c['mn.gv2'], 'POST', `/api/calendar/entries/${e.id}/delete`)).statusCode).toBe(200);
    expect((await feed('mn.gv2', '2026-03-02', '2026-03-08')).map((i) => i.entryId)).not.toContain(e.id);
    expect((await call(t, c['mn.gv2'], 'GET', `/api/calendar/entries/${e.id}`)).statusCode).toBe(404);
    const rows = await t.db.rows(sql`SELECT deleted_at FROM calendar_entries WHERE id = ${e.id}::uuid`);
    expect(rows[0].deleted_at).not.toBeNull();
    expect((await auditOf(t, e.id)).map((a) => a.action)).toEqual([
      'calendar.create',
      'calendar.update',
      'calendar.delete',
    ]);
  });

  it('keeps a diary entry as an all-day note without recurrence or reminder', async () => {
    const e = await create('mn.gv2', {
      kind: 'diary',
      title: 'Nhật ký chủ nhiệm',
      notes: 'Lớp đi học đầy đủ, bé Na tiến bộ khi kể chuyện.',
      startDate: '2026-03-02',
      startTime: '10:00',
      recurrence: { freq: 'daily', count: 5 },
      remindMinutes: 15,
    });
    expect(e).toMatchObject({ kind: 'diary', allDay: true, recurrence: null, remindMinutes: null, startTime: null });
  });
});

describe('recurring entries', () => {
  it('expands a weekly series on the server for the range asked, and skips one occurrence', async () => {
    const e = await create('mn.gv2', {
      title: 'Sinh hoạt chuyên môn tổ',
      startDate: '2026-03-03',
      startTime: '15:00',
      endTime: '16:30',
      recurrence: { freq: 'weekly', byDay: [2, 4], until: '2026-03-31' },
    });
    expect(e.recurrence).toEqual({ freq: 'weekly', interval: 1, byDay: [2, 4], until: '2026-03-31', count: null });
    const march = (await feed('mn.gv2', '2026-03-01', '2026-03-31')).filter((i) => i.entryId === e.id);
    expect(march.map((i) => i.occurrence)).toEqual([
      '2026-03-03',
      '2026-03-05',
      '2026-03-10',
      '2026-03-12',
      '2026-03-17',
      '2026-03-19',
      '2026-03-24',
      '2026-03-26',
      '2026-03-31',
    ]);
    expect(march.every((i) => i.recurring)).toBe(true);
    expect((await feed('mn.gv2', '2026-04-01', '2026-04-30')).filter((i) => i.entryId === e.id)).toEqual([]);

    const skipped = await call(t, c['mn.gv2'], 'POST', `/api/calendar/entries/${e.id}/skip`, { date: '2026-03-12' });
    expect(skipped.json().exdates).toEqual(['2026-03-12']);
    const week = (await feed('mn.gv2', '2026-03-09', '2026-03-15')).filter((i) => i.entryId === e.id);
    expect(week.map((i) => i.occurrence)).toEqual(['2026-03-10']);
    const notAnOccurrence = await call(t, c['mn.gv2'], 'POST', `/api/calendar/entries/${e.id}/skip`, {
      date: '2026-03-11',
    });
    expect(notAnOccurrence.statusCode).toBe(400);
    expect(notAnOccurrence.json().error.fields[0].path).toBe('body.date');
  });

  it('refuses bad input with the field and writes nothing', async () => {
    const before = await countRows(t, 'calendar_entries');
    const cases: [Record<string, unknown>, string][] = [
      [{ title: ' ', startDate: '2026-03-02', allDay: true }, 'body.title'],
      [{ title: 'Giờ thiếu', startDate: '2026-03-02' }, 'body.startTime'],
      [{ title: 'Giờ sai', startDate: '2026-03-02', startTime: '25:00' }, 'body.startTime'],
      [{ title: 'Kết thúc trước', startDate: '2026-03-02', startTime: '10:00', endTime: '09:00' }, 'body.endTime'],
      [{ title: 'Ngày kết thúc trước', startDate: '2026-03-05', endDate: '2026-03-04', allDay: true }, 'body.endDate'],
      [
        { title: 'Lặp không hết', startDate: '2026-03-02', allDay: true, recurrence: { freq: 'daily' } },
        'body.recurrence.until',
      ],
      [
        {
          title: 'Hết trước khi bắt đầu',
          startDate: '2026-03-02',
          allDay: true,
          recurrence: { freq: 'daily', until: '2026-03-01' },
        },
        'body.recurrence.until',
      ],
      [
        { title: 'Lặp lạ', startDate: '2026-03-02', allDay: true, recurrence: { freq: 'yearly', count: 2 } },
        'body.recurrence.freq',
      ],
      [{ title: 'Nhắc âm', startDate: '2026-03-02', allDay: true, remindMinutes: -5 }, 'body.remindMinutes'],
      [{ title: 'Loại lạ', kind: 'meeting', startDate: '2026-03-02', allDay: true }, 'body.kind'],
    ];
    for (const [body, field] of cases) {
      const res = await call(t, c['mn.gv2'], 'POST', '/api/calendar/entries', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.fields[0].path, JSON.stringify(body)).toBe(field);
    }
    const wide = await call(t, c['mn.gv2'], 'GET', '/api/calendar/feed?from=2026-01-01&to=2026-12-31');
    expect(wide.statusCode).toBe(400);
    expect(await countRows(t, 'calendar_entries')).toBe(before);
  });
});

describe('privacy', () => {
  it('shows nobody else my entries: not in their feed, 404 on every action', async () => {
    const mine = await create('mn.gv2', { title: 'Khám sức khỏe định kỳ', startDate: '2026-03-09', allDay: true });
    for (const other of ['mn.gv1', 'photruongphong']) {
      expect((await feed(other, '2026-03-01', '2026-03-31')).map((i) => i.entryId)).not.toContain(mine.id);
      const answers = await Promise.all([
        call(t, c[other], 'GET', `/api/calendar/entries/${mine.id}`),
        call(t, c[other], 'PUT', `/api/calendar/entries/${mine.id}`, {
          title: 'Sửa trộm',
          startDate: '2026-03-09',
          allDay: true,
        }),
        call(t, c[other], 'POST', `/api/calendar/entries/${mine.id}/delete`),
        call(t, c[other], 'POST', `/api/calendar/entries/${mine.id}/skip`, { date: '2026-03-09' }),
      ]);
      expect(answers.map((a) => a.statusCode)).toEqual([404, 404, 404, 404]);
    }
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/calendar/feed?from=2026-03-01&to=2026-03-31' })).statusCode,
    ).toBe(401);
    expect((await call(t, c['mn.gv2'], 'GET', `/api/calendar/entries/${mine.id}`)).json().title).toBe(
      'Khám sức khỏe định kỳ',
    );
  });
});

describe('due dates of tasks and incoming documents', () => {
  it('shows the open tasks and documents the person handles, on their due dates', async () => {
    const task = await call(t, c.photruongphong, 'POST', '/api/tasks', {
      title: 'Báo cáo số liệu đầu năm',
      dueDate: '2026-03-10',
      targets: [{ userId: id.chuyenvien2, role: 'lead' }],
    });
    expect(task.statusCode).toBe(201);
    const doc = await registerIncoming(t, c.vanthu, { recipientIds: [id.truongphong] });
    const direct = await call(t, c.truongphong, 'POST', `/api/incoming/${doc.document.id}/direct`, {
      direction: 'Giao chị Xuân xử lý',
      handlers: [{ userId: id.chuyenvien2, role: 'lead', dueDate: '2026-03-12' }],
    });
    expect(direct.statusCode, direct.body).toBe(200);
    const items = await feed('chuyenvien2', '2026-03-09', '2026-03-15');
    expect(items.map((i) => [i.source, i.title, i.start, i.allDay, i.link])).toEqual([
      [
        'task',
        'Báo cáo số liệu đầu năm',
        '2026-03-09T17:00:00.000Z',
        true,
        `/app/tasks-received?task=${task.json().id}`,
      ],
      [
        'incoming',
        expect.stringMatching(/^Số đến 01\/2026 – Kế hoạch tuyển sinh/),
        '2026-03-11T17:00:00.000Z',
        true,
        `/app/incoming-view?doc=${doc.document.id}`,
      ],
    ]);
    expect(await feed('mn.gv2', '2026-03-09', '2026-03-15')).not.toContainEqual(
      expect.objectContaining({ source: 'task' }),
    );
  });
});

describe('reminders (durable jobs, controllable clock)', () => {
  const reminders = (entryId: string) =>
    t.db.rows<{ body: string; link: string }>(sql`
      SELECT body, link FROM notifications WHERE kind = 'calendar.remind' AND dedupe_key LIKE ${`%${entryId}%`}
      ORDER BY created_at, body`);
  const run = () => t.app.platform.jobRunner.runDue();

  it('reminds once per occurrence, at the time chosen, and moves on to the next occurrence', async () => {
    clock.set(new Date('2026-03-02T01:00:00Z'));
    await run();
    await signIn('mn.gv2');
    const e = await create('mn.gv2', {
      title: 'Họp tổ chuyên môn',
      location: 'Phòng họp A',
      startDate: '2026-03-03',
      startTime: '14:00',
      recurrence: { freq: 'daily', count: 2 },
      remindMinutes: 60,
    });
    clock.set(new Date('2026-03-03T05:59:00Z'));
    await run();
    expect(await reminders(e.id)).toEqual([]);
    clock.set(new Date('2026-03-03T06:00:00Z'));
    await run();
    expect(await reminders(e.id)).toEqual([
      { body: 'Họp tổ chuyên môn – 14:00 03/03/2026 · Phòng họp A', link: '/app/calendar-personal?date=2026-03-03' },
    ]);
    await run();
    expect(await reminders(e.id)).toHaveLength(1);
    clock.set(new Date('2026-03-04T06:00:00Z'));
    await run();
    expect((await reminders(e.id)).map((r) => r.body)).toEqual([
      'Họp tổ chuyên môn – 14:00 03/03/2026 · Phòng họp A',
      'Họp tổ chuyên môn – 14:00 04/03/2026 · Phòng họp A',
    ]);
    clock.set(new Date('2026-03-12T06:00:00Z'));
    await run();
    expect(await reminders(e.id)).toHaveLength(2);
  });

  it('never reminds a removed or moved occurrence; reminds an all-day entry before 08:00 of its day', async () => {
    clock.set(new Date('2026-03-16T01:00:00Z'));
    await run();
    await signIn('mn.gv2');
    const removed = await create('mn.gv2', {
      title: 'Bị xóa',
      startDate: '2026-03-17',
      startTime: '09:00',
      remindMinutes: 15,
    });
    await call(t, c['mn.gv2'], 'POST', `/api/calendar/entries/${removed.id}/delete`);
    const moved = await create('mn.gv2', {
      title: 'Dời lịch',
      startDate: '2026-03-17',
      startTime: '09:00',
      remindMinutes: 15,
    });
    await call(t, c['mn.gv2'], 'PUT', `/api/calendar/entries/${moved.id}`, {
      title: 'Dời lịch',
      startDate: '2026-03-17',
      startTime: '11:00',
      remindMinutes: 15,
    });
    const allDay = await create('mn.gv2', {
      title: 'Ngày hội đến trường',
      startDate: '2026-03-18',
      allDay: true,
      remindMinutes: 1440,
    });
    clock.set(new Date('2026-03-17T02:00:00Z'));
    await run();
    expect(await reminders(removed.id)).toEqual([]);
    expect(await reminders(moved.id)).toEqual([]);
    clock.set(new Date('2026-03-17T03:45:00Z'));
    await run();
    expect((await reminders(moved.id)).map((r) => r.body)).toEqual(['Dời lịch – 11:00 17/03/2026']);
    // 1 day before 08:00 of 18 March is 08:00 on 17 March (01:00 UTC): already due at the last run.
    expect((await reminders(allDay.id)).map((r) => r.body)).toEqual(['Ngày hội đến trường – 18/03/2026 (cả ngày)']);
    const sent = await t.db.rows(sql`
      SELECT count(*)::int AS n FROM notifications WHERE user_id = ${id['mn.gv2']}::uuid AND kind = 'calendar.remind'`);
    expect(Number(sent[0].n)).toBe(4);
  });
});

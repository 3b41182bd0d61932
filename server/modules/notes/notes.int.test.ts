import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TNote } from '../../../contracts/notes';
import { ManualClock } from '../../platform/clock';
import { type TestApp, createTestApp } from '../../test/harness';

const HOUR = 3_600_000;

describe('Tích kê điện tử', () => {
  let t: TestApp;
  let me: string;
  let other: string;
  const clock = new ManualClock(new Date('2026-03-02T08:00:00Z'));

  const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, payload: payload as object });
  const list = async (cookie: string) => (await call(cookie, 'GET', '/api/notes')).json() as TNote[];
  const create = async (cookie: string, body: Record<string, unknown>) => {
    const res = await call(cookie, 'POST', '/api/notes', body);
    expect(res.statusCode).toBe(201);
    return res.json() as TNote;
  };
  const at = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();
  const count = async (q: ReturnType<typeof sql>) => Number((await t.db.rows<{ n: number }>(q))[0].n);
  const audits = (entityId: string) =>
    t.db.rows<{ action: string; before: unknown; after: unknown }>(
      sql`SELECT action, before, after FROM audit_log WHERE entity_id = ${entityId} ORDER BY id`,
    );

  beforeAll(async () => {
    t = await createTestApp({ clock });
    me = await t.login('chuyenvien1');
    other = await t.login('th.hieutruong');
  });
  afterAll(() => t.close());

  it('creates, edits, pins and lists the own notes (pinned first, then order, newest first)', async () => {
    const a = await create(me, { text: '  Họp giao ban thứ Hai\u0300 ' });
    expect(a).toMatchObject({ color: 'yellow', pinned: false, remindAt: null, remindedAt: null });
    expect(a.text).toBe('Họp giao ban thứ Hai\u0300'.normalize('NFC'));
    clock.advance(1000);
    const b = await create(me, { text: 'Nộp báo cáo tháng', color: 'blue' });
    expect((await list(me)).map((n) => n.id)).toEqual([b.id, a.id]);

    const res = await call(me, 'PATCH', `/api/notes/${a.id}`, { pinned: true, color: 'green', text: 'Họp lúc 8h' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ pinned: true, color: 'green', text: 'Họp lúc 8h' });
    expect((await list(me)).map((n) => n.id)).toEqual([a.id, b.id]);

    const ordered = await call(me, 'POST', '/api/notes/reorder', { ids: [b.id, a.id] });
    expect(ordered.statusCode).toBe(200);
    // Pinned stays first whatever the order says.
    expect((ordered.json() as TNote[]).map((n) => n.id)).toEqual([a.id, b.id]);
    await call(me, 'PATCH', `/api/notes/${a.id}`, { pinned: false });
    expect((await list(me)).map((n) => n.id)).toEqual([b.id, a.id]);

    const del = await call(me, 'POST', `/api/notes/${b.id}/delete`);
    expect(del.statusCode).toBe(200);
    expect((await list(me)).map((n) => n.id)).toEqual([a.id]);
    expect(
      await count(sql`SELECT count(*)::int AS n FROM sticky_notes WHERE id = ${b.id}::uuid AND deleted_at IS NOT NULL`),
    ).toBe(1);
    expect((await call(me, 'PATCH', `/api/notes/${b.id}`, { pinned: true })).statusCode).toBe(404);

    expect((await audits(a.id)).map((r) => r.action)).toEqual(['note.create', 'note.update', 'note.update']);
    const [, firstEdit] = await audits(a.id);
    expect(firstEdit.before).toMatchObject({ pinned: false, color: 'yellow' });
    expect(firstEdit.after).toMatchObject({ pinned: true, color: 'green', text: 'Họp lúc 8h' });
    expect((await audits(b.id)).map((r) => r.action)).toEqual(['note.create', 'note.delete']);
    expect(await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'note.reorder'`)).toBe(1);
  });

  it("keeps notes private: another user's note answers 404 and never shows in their list", async () => {
    const mine = await create(me, { text: 'Việc riêng' });
    expect((await list(other)).map((n) => n.id)).not.toContain(mine.id);
    const answers = await Promise.all([
      call(other, 'PATCH', `/api/notes/${mine.id}`, { text: 'Sửa trộm' }),
      call(other, 'POST', `/api/notes/${mine.id}/delete`),
      call(other, 'POST', '/api/notes/reorder', { ids: [mine.id] }),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([404, 404, 404]);
    expect((await list(me)).find((n) => n.id === mine.id)?.text).toBe('Việc riêng');
    expect((await t.app.inject({ method: 'GET', url: '/api/notes' })).statusCode).toBe(401);
  });

  it('refuses bad input with the field and writes nothing', async () => {
    const notes = await count(sql`SELECT count(*)::int AS n FROM sticky_notes`);
    const auditRows = await count(sql`SELECT count(*)::int AS n FROM audit_log`);
    const cases: [Record<string, unknown>, string][] = [
      [{ text: '   ' }, 'body.text'],
      [{ text: 'x'.repeat(2001) }, 'body.text'],
      [{ text: 'Màu lạ', color: 'red' }, 'body.color'],
      [{ text: 'Nhắc quá khứ', remindAt: at(-60_000) }, 'body.remindAt'],
      [{ text: 'Ngày sai', remindAt: 'ngày mai' }, 'body.remindAt'],
    ];
    for (const [body, field] of cases) {
      const res = await call(me, 'POST', '/api/notes', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.fields[0].path).toBe(field);
    }
    const note = await create(me, { text: 'x'.repeat(2000) });
    const past = await call(me, 'PATCH', `/api/notes/${note.id}`, { text: 'Đổi', remindAt: at(-1) });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.fields[0].path).toBe('body.remindAt');
    expect((await list(me)).find((n) => n.id === note.id)?.text).toHaveLength(2000);
    expect(await count(sql`SELECT count(*)::int AS n FROM sticky_notes`)).toBe(notes + 1);
    expect(await count(sql`SELECT count(*)::int AS n FROM audit_log`)).toBe(auditRows + 1);
  });

  describe('reminders', () => {
    const fired: { to: unknown; msg: unknown }[] = [];
    beforeAll(async () => {
      await t.app.platform.jobRunner.runDue(); // nothing left from earlier tests
      vi.spyOn(t.app.platform.realtime, 'publish').mockImplementation(async (to, msg) => {
        fired.push({ to, msg });
      });
    });
    const run = () => t.app.platform.jobRunner.runDue();
    // Sessions expire while the clock jumps hours ahead: sign in again before each call.
    const fresh = async () => {
      me = await t.login('chuyenvien1');
    };
    const userId = async () =>
      (await t.db.rows<{ id: string }>(sql`SELECT id FROM users WHERE username = 'chuyenvien1'`))[0].id;

    it('fires once at the time, not before, and marks the note reminded', async () => {
      fired.length = 0;
      await fresh();
      const text = `Gọi điện cho phòng Tài chính ${'a'.repeat(200)}`;
      const note = await create(me, { text, remindAt: at(HOUR) });
      expect(
        await count(
          sql`SELECT count(*)::int AS n FROM jobs WHERE kind = 'notes.remind' AND payload->>'noteId' = ${note.id}`,
        ),
      ).toBe(1);
      clock.advance(HOUR - 1000);
      await run();
      expect(fired).toHaveLength(0);
      clock.advance(1000);
      await run();
      expect(fired).toEqual([
        {
          to: { users: [await userId()] },
          msg: { type: 'notification', title: 'Tích kê điện tử', body: text.slice(0, 120), link: '/app/sticky-notes' },
        },
      ]);
      await fresh();
      expect((await list(me)).find((n) => n.id === note.id)?.remindedAt).toBe(clock.now().toISOString());
      clock.advance(HOUR);
      await run();
      expect(fired).toHaveLength(1);
    });

    it('fires a changed reminder only at the new time', async () => {
      fired.length = 0;
      await fresh();
      const note = await create(me, { text: 'Dời giờ nhắc', remindAt: at(HOUR) });
      const moved = await call(me, 'PATCH', `/api/notes/${note.id}`, { remindAt: at(3 * HOUR) });
      expect(moved.statusCode).toBe(200);
      clock.advance(HOUR);
      await run();
      expect(fired).toHaveLength(0);
      clock.advance(2 * HOUR);
      await run();
      expect(fired).toHaveLength(1);
      expect((fired[0].msg as { body: string }).body).toBe('Dời giờ nhắc');
    });

    it('never fires a removed reminder or a deleted note', async () => {
      fired.length = 0;
      await fresh();
      const cleared = await create(me, { text: 'Bỏ nhắc', remindAt: at(HOUR) });
      await call(me, 'PATCH', `/api/notes/${cleared.id}`, { remindAt: null });
      const deleted = await create(me, { text: 'Xóa rồi', remindAt: at(HOUR) });
      expect((await call(me, 'POST', `/api/notes/${deleted.id}/delete`)).statusCode).toBe(200);
      clock.advance(2 * HOUR);
      await run();
      expect(fired).toHaveLength(0);
      const rows = await t.db.rows<{ reminded_at: unknown }>(
        sql`SELECT reminded_at FROM sticky_notes WHERE id IN (${cleared.id}::uuid, ${deleted.id}::uuid)`,
      );
      expect(rows.map((r) => r.reminded_at)).toEqual([null, null]);
    });
  });
});

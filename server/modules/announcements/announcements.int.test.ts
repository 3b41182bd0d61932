import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  TAnnouncementCreated,
  TInboxPage,
  TReceipts,
  TSentPage,
  TGroupOption,
} from '../../../contracts/announcements';
import { samplePdf } from '../../platform/files/files.fixtures';
import { auditOf, call, countRows } from '../../test/api-helpers';
import { type TestApp, createTestApp } from '../../test/harness';
import { upload, userId } from '../incoming/incoming.test-helpers';

describe('Gửi thông báo và Tin nhắn mới', () => {
  let t: TestApp;
  let sender: string;
  let gv1: string;
  let gv2: string;
  let outsider: string;
  const ids: Record<string, string> = {};

  const send = (cookie: string, body: Record<string, unknown>) => call(t, cookie, 'POST', '/api/announcements', body);
  const inbox = async (cookie: string) =>
    (await call(t, cookie, 'GET', '/api/announcements/inbox')).json() as TInboxPage;
  const badge = async (cookie: string) =>
    ((await call(t, cookie, 'GET', '/api/badges')).json() as { messages: number }).messages;
  const count = async (q: ReturnType<typeof sql>) => Number((await t.db.rows<{ n: number }>(q))[0].n);

  beforeAll(async () => {
    t = await createTestApp();
    sender = await t.login('th.hieutruong');
    gv1 = await t.login('th.gv1');
    gv2 = await t.login('th.gv2');
    outsider = await t.login('mn.gv1');
    for (const u of ['th.hieutruong', 'th.gv1', 'th.gv2', 'th.vanthu', 'mn.gv1']) ids[u] = await userId(t, u);
  });
  afterAll(() => t.close());

  it('refuses a teacher without announcements.send (403) and writes nothing', async () => {
    const before = await countRows(t, 'announcements');
    const res = await send(gv1, { title: 'Thử', body: 'Nội dung', recipients: { userIds: [ids['th.gv2']] } });
    expect(res.statusCode).toBe(403);
    expect((await call(t, gv1, 'GET', '/api/announcements/sent')).statusCode).toBe(403);
    expect((await call(t, gv1, 'GET', '/api/announcements/groups')).statusCode).toBe(403);
    expect(await countRows(t, 'announcements')).toBe(before);
  });

  it('sends with a file; recipients see it with the badge, read it, and the sender sees the receipts', async () => {
    const file = await upload(t, sender, 'ke-hoach.pdf', samplePdf('thong-bao'));
    expect(file.status).toBe(201);
    const res = await send(sender, {
      title: '  Họp hội đồng sư phạm ',
      body: 'Mời các thầy cô họp lúc 14 giờ chiều thứ Sáu.',
      fileIds: [file.body.id],
      // The sender and a duplicate are dropped.
      recipients: { userIds: [ids['th.gv1'], ids['th.gv2'], ids['th.gv2'], ids['th.hieutruong']] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json() as TAnnouncementCreated;
    expect(created).toMatchObject({ recipientCount: 2, smsCount: 0 });

    expect(await badge(gv2)).toBe(1);
    expect(await badge(outsider)).toBe(0);
    const box = await inbox(gv2);
    expect(box.unread).toBe(1);
    expect(box.items[0]).toMatchObject({
      id: created.id,
      title: 'Họp hội đồng sư phạm',
      unread: true,
      readAt: null,
      senderName: expect.any(String),
    });
    expect(box.items[0].files.map((f) => f.name)).toEqual(['ke-hoach.pdf']);
    expect((await inbox(outsider)).items.map((i) => i.id)).not.toContain(created.id);
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM notifications WHERE kind = 'announcement' AND link = '/?messages=1'`,
      ),
    ).toBe(2);

    const fileUrl = `/api/announcements/${created.id}/files/${file.body.id}/content`;
    expect((await call(t, gv2, 'GET', fileUrl)).statusCode).toBe(200);
    expect((await call(t, sender, 'GET', fileUrl)).statusCode).toBe(200);
    expect((await call(t, outsider, 'GET', fileUrl)).statusCode).toBe(404);
    expect((await call(t, gv2, 'GET', `/api/announcements/${created.id}/receipts`)).statusCode).toBe(404);
    expect((await call(t, outsider, 'POST', `/api/announcements/${created.id}/read`)).statusCode).toBe(404);

    const read = await call(t, gv2, 'POST', `/api/announcements/${created.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({ ok: true, unread: 0 });
    expect(await badge(gv2)).toBe(0);
    expect(await badge(gv1)).toBe(1);
    expect((await inbox(gv2)).items[0]).toMatchObject({ unread: false, readAt: expect.any(String) });
    // Reading again changes nothing (one receipt).
    expect((await call(t, gv2, 'POST', `/api/announcements/${created.id}/read`)).json()).toEqual({
      ok: true,
      unread: 0,
    });

    const sent = (await call(t, sender, 'GET', '/api/announcements/sent')).json() as TSentPage;
    expect(sent.items[0]).toMatchObject({ id: created.id, recipientCount: 2, readCount: 1 });
    const receipts = (await call(t, sender, 'GET', `/api/announcements/${created.id}/receipts`)).json() as TReceipts;
    expect(receipts).toMatchObject({ recipientCount: 2, readCount: 1 });
    expect(receipts.items.map((r) => [r.userId, r.readAt !== null, r.sms])).toEqual([
      [ids['th.gv2'], true, null],
      [ids['th.gv1'], false, null],
    ]);
    expect((await auditOf(t, created.id)).map((a) => a.action)).toEqual([
      'file.attach',
      'announcement.send',
      'announcement.read',
    ]);
  });

  it('expands units and groups, de-duplicated, without the sender', async () => {
    const groups = (await call(t, sender, 'GET', '/api/announcements/groups')).json() as TGroupOption[];
    const leaders = groups.find((g) => g.name === 'Lãnh đạo');
    expect(leaders?.memberCount).toBeGreaterThan(0);
    const [unit] = await t.db.rows<{ unit_id: string }>(
      sql`SELECT unit_id FROM users WHERE username = 'th.hieutruong'`,
    );
    const expected = await t.db.rows<{ id: string }>(sql`
      SELECT DISTINCT u.id FROM users u LEFT JOIN user_groups ug ON ug.user_id = u.id
      WHERE u.status = 'active' AND u.username <> 'th.hieutruong'
        AND (u.unit_id = ${unit.unit_id}::uuid OR ug.group_id = ${leaders?.id}::uuid OR u.username = 'th.gv1')`);
    const res = await send(sender, {
      title: 'Lịch trực Tết',
      body: 'Xem lịch trực.',
      recipients: { userIds: [ids['th.gv1']], unitIds: [unit.unit_id], groupIds: [leaders?.id] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json() as TAnnouncementCreated;
    expect(created.recipientCount).toBe(expected.length);
    const got = await t.db.rows<{ user_id: string }>(
      sql`SELECT user_id FROM announcement_recipients WHERE announcement_id = ${created.id}::uuid`,
    );
    expect(got.map((r) => r.user_id).sort()).toEqual(expected.map((r) => r.id).sort());
  });

  it('refuses bad input with the field and writes nothing', async () => {
    const tables = ['announcements', 'announcement_recipients', 'notifications', 'outbox_messages', 'audit_log'];
    const before = await Promise.all(tables.map((x) => countRows(t, x)));
    const ok = { title: 'Tiêu đề', body: 'Nội dung', recipients: { userIds: [ids['th.gv1']] } };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...ok, title: '   ' }, 'body.title'],
      [{ ...ok, title: 'x'.repeat(201) }, 'body.title'],
      [{ ...ok, body: 'x'.repeat(5001) }, 'body.body'],
      [{ ...ok, recipients: {} }, 'body.recipients'],
      [{ ...ok, recipients: { userIds: [ids['th.hieutruong']] } }, 'body.recipients'],
      [{ ...ok, recipients: { userIds: ['not-a-uuid'] } }, 'body.recipients.userIds.0'],
      [{ ...ok, recipients: { userIds: ['00000000-0000-4000-8000-000000000000'] } }, 'body.recipients.userIds'],
      [{ ...ok, recipients: { unitIds: ['00000000-0000-4000-8000-000000000000'] } }, 'body.recipients.unitIds'],
      [{ ...ok, recipients: { groupIds: ['00000000-0000-4000-8000-000000000000'] } }, 'body.recipients.groupIds'],
      [{ ...ok, fileIds: ['00000000-0000-4000-8000-000000000000'] }, 'body.fileIds'],
      [{ ...ok, sms: true }, 'body.sms'],
    ];
    for (const [body, field] of cases) {
      const res = await send(sender, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.fields[0].path, JSON.stringify(body)).toBe(field);
    }
    expect(await Promise.all(tables.map((x) => countRows(t, x)))).toEqual(before);
  });

  it('writes one SMS per recipient with a phone and sends it through the sms.send job', async () => {
    await t.app.platform.settings.set('sms.enabled', true, null);
    const opts = (await call(t, sender, 'GET', '/api/announcements/options')).json();
    expect(opts).toEqual({ smsEnabled: true });
    await t.db.rows(sql`UPDATE users SET phone = '0912345678' WHERE username = 'th.gv1'`);
    await t.db.rows(sql`UPDATE users SET phone = NULL WHERE username = 'th.gv2'`);
    const body = 'Đ'.repeat(400);
    const res = await send(sender, {
      title: 'Khẩn',
      body,
      sms: true,
      recipients: { userIds: [ids['th.gv1'], ids['th.gv2']] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json() as TAnnouncementCreated;
    expect(created).toMatchObject({ recipientCount: 2, smsCount: 1 });
    const rows = await t.db.rows<{ id: string; address: string; body: string; status: string }>(sql`
      SELECT id, address, body, status FROM outbox_messages WHERE channel = 'sms' AND subject = 'Khẩn'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ address: '0912345678', status: 'pending' });
    expect([...rows[0].body]).toHaveLength(300);
    expect(rows[0].body.startsWith('Khẩn: ĐĐ')).toBe(true);
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM jobs WHERE kind = 'sms.send' AND payload->>'outboxId' = ${rows[0].id}`,
      ),
    ).toBe(1);

    await t.app.platform.jobRunner.runDue();
    const receipts = (await call(t, sender, 'GET', `/api/announcements/${created.id}/receipts`)).json() as TReceipts;
    const byUser = new Map(receipts.items.map((r) => [r.userId, r.sms]));
    expect(byUser.get(ids['th.gv1'])).toEqual({ status: 'sent', attempts: 1, lastError: null });
    expect(byUser.get(ids['th.gv2'])).toBeNull();
    expect(
      await count(sql`SELECT count(*)::int AS n FROM sms_attempts WHERE outbox_id = ${rows[0].id}::uuid AND ok`),
    ).toBe(1);

    // Someone who chose SMS for notifications gets one SMS, not two (the Notifier's counts).
    await t.db.rows(sql`
      INSERT INTO user_preferences (user_id, notify_channels) VALUES (${ids['th.gv1']}::uuid, '["sms"]'::jsonb)
      ON CONFLICT (user_id) DO UPDATE SET notify_channels = '["sms"]'::jsonb`);
    const again = await send(sender, {
      title: 'Khẩn lần hai',
      body: 'Nội dung',
      sms: true,
      recipients: { userIds: [ids['th.gv1']] },
    });
    expect(again.statusCode, again.body).toBe(201);
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM outbox_messages WHERE channel = 'sms' AND subject = 'Khẩn lần hai'`,
      ),
    ).toBe(1);
    await t.app.platform.jobRunner.runDue();
    const second = (
      await call(t, sender, 'GET', `/api/announcements/${(again.json() as TAnnouncementCreated).id}/receipts`)
    ).json() as TReceipts;
    expect(second.items[0].sms).toMatchObject({ status: 'sent' });
    await t.app.platform.settings.set('sms.enabled', false, null);
  });
});

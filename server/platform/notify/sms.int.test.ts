import { type IncomingHttpHeaders, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness';
import { SMS_JOB, SMS_MAX_ATTEMPTS, enqueueSms, renderSmsBody } from './sms';

interface Received {
  method: string;
  headers: IncomingHttpHeaders;
  body: string;
}

describe('SMS gateway (job sms.send)', () => {
  let t: TestApp;
  let server: Server;
  let url: string;
  const received: Received[] = [];
  /** Status codes the fake gateway answers, in order; then 200. */
  let answers: number[] = [];

  const settings = () => t.app.platform.settings;
  const run = () => t.app.platform.jobRunner.runDue();
  const outbox = async (id: string) =>
    (
      await t.db.rows<{ status: string; attempts: number; last_error: string | null; sent_at: unknown }>(
        sql`SELECT status, attempts, last_error, sent_at FROM outbox_messages WHERE id = ${id}::uuid`,
      )
    )[0];
  const attempts = (id: string) =>
    t.db.rows<{ provider: string; ok: boolean; http_status: number | null; error: string | null }>(
      sql`SELECT provider, ok, http_status, error FROM sms_attempts WHERE outbox_id = ${id}::uuid ORDER BY at, id`,
    );

  /** Notifies th.gv1 (who chose SMS) through the Notifier; returns the SMS row it wrote. */
  async function notifyBySms(title: string, body: string): Promise<string> {
    await t.db.transaction(() => t.app.platform.notifier.notify([gv1Id], { kind: 'test', title, body }));
    const [row] = await t.db.rows<{ id: string }>(
      sql`SELECT id FROM outbox_messages WHERE channel = 'sms' AND subject = ${title}`,
    );
    return row.id;
  }
  let gv1Id: string;

  beforeAll(async () => {
    t = await createTestApp();
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        received.push({ method: req.method ?? '', headers: req.headers, body });
        res.statusCode = answers.shift() ?? 200;
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
    const [u] = await t.db.rows<{ id: string }>(sql`
      UPDATE users SET phone = '0912 345 678' WHERE username = 'th.gv1' RETURNING id`);
    gv1Id = u.id;
    await t.db.rows(sql`
      INSERT INTO user_preferences (user_id, notify_channels) VALUES (${gv1Id}::uuid, '["sms"]'::jsonb)
      ON CONFLICT (user_id) DO UPDATE SET notify_channels = '["sms"]'::jsonb`);
    await settings().set('sms.enabled', true, null);
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.close();
  });
  beforeEach(async () => {
    await run();
    received.length = 0;
    answers = [];
  });

  it('renders the body template with JSON-escaped values', () => {
    expect(renderSmsBody('{"to":"{{phone}}","message":"{{text}}"}', '0912', 'Họp "gấp"\nnhé')).toBe(
      '{"to":"0912","message":"Họp \\"gấp\\"\\nnhé"}',
    );
  });

  it('http provider: a failure is logged and retried with back-off, then sent once', async () => {
    await settings().set('sms.provider', 'http', null);
    await settings().set('sms.http.url', url, null);
    await settings().set('sms.http.authHeader', 'Bearer bi-mat', null);
    await settings().set('sms.http.bodyTemplate', '{"to":"{{phone}}","message":"{{text}}"}', null);
    answers = [500];
    const id = await notifyBySms('Họp "gấp"', 'Lúc 14 giờ\nphòng 2');
    expect(
      await t.db.rows(sql`SELECT 1 FROM jobs WHERE kind = ${SMS_JOB} AND payload->>'outboxId' = ${id}`),
    ).toHaveLength(1);

    await run();
    expect(received).toHaveLength(1);
    expect(await outbox(id)).toMatchObject({ status: 'pending', attempts: 1, last_error: 'HTTP 500', sent_at: null });
    expect(await attempts(id)).toEqual([{ provider: 'http', ok: false, http_status: 500, error: 'HTTP 500' }]);

    await run(); // not yet: back-off
    expect(received).toHaveLength(1);
    t.clock.advance(2_000);
    await run();
    expect(received).toHaveLength(2);
    const row = await outbox(id);
    expect(row).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    expect(row.sent_at).not.toBeNull();
    expect((await attempts(id)).map((a) => a.ok)).toEqual([false, true]);

    const last = received[1];
    expect(last.method).toBe('POST');
    expect(last.headers['content-type']).toBe('application/json');
    expect(last.headers.authorization).toBe('Bearer bi-mat');
    expect(JSON.parse(last.body)).toEqual({ to: '0912 345 678', message: 'Lúc 14 giờ\nphòng 2' });

    // Never twice once sent, whatever asks again.
    await t.db.transaction(() => enqueueSms(t.app.platform.jobs, [id]));
    await run();
    expect(received).toHaveLength(2);
    expect(await attempts(id)).toHaveLength(2);
  });

  it('http provider: after the last attempt the message is failed', async () => {
    answers = Array(SMS_MAX_ATTEMPTS).fill(503);
    const id = await notifyBySms('Luôn lỗi', 'Không gửi được');
    for (let i = 0; i < SMS_MAX_ATTEMPTS; i++) {
      await run();
      t.clock.advance(3_600_000);
    }
    expect(received).toHaveLength(SMS_MAX_ATTEMPTS);
    expect(await outbox(id)).toMatchObject({ status: 'failed', attempts: SMS_MAX_ATTEMPTS, last_error: 'HTTP 503' });
    const [job] = await t.db.rows<{ status: string }>(
      sql`SELECT status FROM jobs WHERE kind = ${SMS_JOB} AND payload->>'outboxId' = ${id}`,
    );
    expect(job.status).toBe('failed');
  });

  it('outbox provider: the row is recorded for other software (sent) with one logged attempt', async () => {
    await settings().set('sms.provider', 'outbox', null);
    const id = await notifyBySms('Qua hộp thư đi', 'Nội dung');
    await run();
    expect(received).toHaveLength(0);
    expect(await outbox(id)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(await attempts(id)).toEqual([{ provider: 'outbox', ok: true, http_status: null, error: null }]);
  });

  it('SMS switched off: the job does nothing and the row stays pending', async () => {
    const id = await notifyBySms('Chờ bật SMS', 'Nội dung');
    await settings().set('sms.enabled', false, null);
    await run();
    expect(await outbox(id)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await attempts(id)).toHaveLength(0);
    await settings().set('sms.enabled', true, null);
  });
});

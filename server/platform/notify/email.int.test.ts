import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../test/api-helpers';
import { createTestApp, type TestApp } from '../../test/harness';
import { draft, step } from '../../modules/outgoing/outgoing.test-helpers';
import { EMAIL_JOB } from './email';

interface Mail {
  from: string;
  to: string[];
  raw: string;
}

describe('email sender (job email.send) through a real SMTP server', () => {
  let t: TestApp;
  let smtp: SMTPServer;
  let port = 0;
  const mails: Mail[] = [];
  /** Recipients the server refuses, by address, then accepts. */
  let refuseNext = 0;

  const run = () => t.app.platform.jobRunner.runDue();
  const outbox = async (address: string) =>
    (
      await t.db.rows<{ id: string; status: string; attempts: number; last_error: string | null }>(
        sql`SELECT id, status, attempts, last_error FROM outbox_messages WHERE channel = 'email' AND address = ${address}`,
      )
    )[0];

  beforeAll(async () => {
    t = await createTestApp();
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(_address, _session, callback) {
        if (refuseNext > 0) {
          refuseNext -= 1;
          const err = new Error('Mailbox tạm thời không nhận') as Error & { responseCode: number };
          err.responseCode = 451;
          return callback(err);
        }
        callback();
      },
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (c: Buffer) => {
          raw += c.toString('utf8');
        });
        stream.on('end', () => {
          mails.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    port = (smtp.server.address() as AddressInfo).port;
    const s = t.app.platform.settings;
    await s.set('email.provider', 'smtp', null);
    await s.set('email.smtp.host', '127.0.0.1', null);
    await s.set('email.smtp.port', port, null);
    await s.set('email.from', 'vanthu@anminh.edu.vn', null);
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await t.close();
  });

  it('sends an outgoing document to an outside organ with its file; a refused try is retried', async () => {
    const clerk = await t.login('vanthu');
    refuseNext = 1;
    const doc = await draft(t, clerk, {
      subject: 'Báo cáo kết quả thi học sinh giỏi cấp huyện',
      recipients: [{ kind: 'organ', name: 'Sở Giáo dục và Đào tạo tỉnh Kiên Giang', email: 'sgddt@kiengiang.edu.vn' }],
    });
    const issued = await step(t, clerk, doc.id, 'issue', { signerName: 'Huỳnh Văn Tiến' });
    const row = await outbox('sgddt@kiengiang.edu.vn');
    expect(
      await t.db.rows(sql`SELECT 1 FROM jobs WHERE kind = ${EMAIL_JOB} AND payload->>'outboxId' = ${row.id}`),
    ).toHaveLength(1);

    await run();
    expect(mails).toHaveLength(0);
    expect(await outbox('sgddt@kiengiang.edu.vn')).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await outbox('sgddt@kiengiang.edu.vn')).last_error).toContain('451');

    t.clock.advance(2_000);
    await run();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ from: 'vanthu@anminh.edu.vn', to: ['sgddt@kiengiang.edu.vn'] });
    expect(mails[0].raw).toContain('du-thao.pdf');
    expect(mails[0].raw).toMatch(/Content-Type: application\/pdf/i);
    expect(await outbox('sgddt@kiengiang.edu.vn')).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    // The sender's detail shows when it left.
    const detail = (await call(t, clerk, 'GET', `/api/outgoing/${issued.id}`)).json();
    expect(detail.deliveries[0].sentAt).not.toBeNull();
  });

  it('with the provider "outbox" the mail stays for other software', async () => {
    await t.app.platform.settings.set('email.provider', 'outbox', null);
    const clerk = await t.login('vanthu');
    const doc = await draft(t, clerk, {
      subject: 'Công văn gửi Sở Nội vụ',
      recipients: [{ kind: 'organ', name: 'Sở Nội vụ', email: 'snv@kiengiang.gov.vn' }],
    });
    await step(t, clerk, doc.id, 'issue', { signerName: 'Huỳnh Văn Tiến' });
    await run();
    expect(mails.filter((m) => m.to.includes('snv@kiengiang.gov.vn'))).toHaveLength(0);
    expect(await outbox('snv@kiengiang.gov.vn')).toMatchObject({ status: 'pending', attempts: 0 });
  });
});

import { sql } from 'drizzle-orm';
import type { TFileRef } from '../../../contracts/files';
import type { TIncomingCreate, TIncomingCreated, TIncomingDetail } from '../../../contracts/incoming';
import { call } from '../../test/api-helpers';
import type { TestApp } from '../../test/harness';

/** Id of a demo user. */
export async function userId(t: TestApp, username: string): Promise<string> {
  const rows = await t.db.rows<{ id: string }>(sql`SELECT id FROM users WHERE username = ${username}`);
  if (!rows[0]) throw new Error(`no user ${username}`);
  return rows[0].id;
}

/** Id of a document type by name. */
export async function typeId(t: TestApp, name = 'Công văn'): Promise<string> {
  const rows = await t.db.rows<{ id: string }>(sql`SELECT id FROM document_types WHERE name = ${name}`);
  return rows[0].id;
}

/** A valid registration body with realistic Vietnamese data. */
export async function incomingBody(t: TestApp, over: Partial<TIncomingCreate> = {}): Promise<TIncomingCreate> {
  return {
    issuingOrganName: 'Sở Giáo dục và Đào tạo tỉnh Kiên Giang',
    documentTypeId: await typeId(t, 'Kế hoạch'),
    codeNumber: '125',
    codeNotation: 'KH-SGDĐT',
    issuedDate: '2026-11-20',
    signer: 'Nguyễn Văn Bình',
    subject: 'Kế hoạch tuyển sinh vào lớp 10 năm học 2027-2028',
    pageCount: 3,
    ...over,
  };
}

/** Registers a document through the API and returns the answer. */
export async function registerIncoming(
  t: TestApp,
  cookie: string,
  over: Partial<TIncomingCreate> = {},
): Promise<TIncomingCreated> {
  const res = await call(t, cookie, 'POST', '/api/incoming', await incomingBody(t, over));
  if (res.statusCode !== 201) throw new Error(`register failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Runs a flow action and returns the detail (throws on an unexpected status). */
export async function act(
  t: TestApp,
  cookie: string,
  id: string,
  path: string,
  body: unknown,
  expected = 200,
): Promise<TIncomingDetail> {
  const res = await call(t, cookie, 'POST', `/api/incoming/${id}/${path}`, body);
  if (res.statusCode !== expected) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Uploads one file as the browser does (multipart, field `file`). */
export async function upload(t: TestApp, cookie: string, filename: string, content: Buffer) {
  const boundary = `----co${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/files',
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
  return { status: res.statusCode, body: res.json() as TFileRef & { error?: { code: string } } };
}

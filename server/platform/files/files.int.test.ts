import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TFileRef } from '../../../contracts/files';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import { DEMO_PASSWORD, seedDemo } from '../../db/seed-demo';
import { createTestDb, type TestDb } from '../../test/harness';
import { SESSION_COOKIE } from '../auth/session-token';
import type { RequestContext } from '../authz/actor';
import { ManualClock } from '../clock';
import { minimalDocx, minimalXlsx, SAMPLE_EXE, SAMPLE_PNG, samplePdf, storedZip } from './files.fixtures';

/** A multipart/form-data body with one file part, as a browser sends it. */
function multipart(filename: string, content: Buffer, field = 'file') {
  const boundary = `----cloudoffice${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
      'utf8',
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** All regular files under a folder, recursively. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

describe('file platform', () => {
  let testDb: TestDb;
  let app: FastifyInstance;
  let dataDir: string;
  let vanthu: string;
  let chuyenvien: string;

  const login = async (username: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: DEMO_PASSWORD },
    });
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    if (!cookie) throw new Error(`login ${username} failed: ${res.body}`);
    return `${SESSION_COOKIE}=${cookie.value}`;
  };
  const upload = (cookie: string, filename: string, content: Buffer, field = 'file') => {
    const body = multipart(filename, content, field);
    return app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { ...body.headers, cookie },
      payload: body.payload,
    });
  };
  const get = (cookie: string, url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers: { ...headers, cookie } });
  const count = async (table: 'files' | 'attachments') =>
    (await testDb.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))[0].n;
  const ctxOf = async (username: string): Promise<RequestContext> => {
    const rows = await testDb.db.rows<{ id: string }>(sql`SELECT id FROM users WHERE username = ${username}`);
    return { actor: { userId: rows[0].id } as RequestContext['actor'], ip: null };
  };
  const blobs = () =>
    filesUnder(path.join(dataDir, 'files')).filter((f) => !path.relative(dataDir, f).startsWith(`files${path.sep}tmp`));
  const temps = () => filesUnder(path.join(dataDir, 'files', 'tmp'));

  beforeAll(async () => {
    // Its own data folder, so that the blobs on disk can be counted.
    dataDir = mkdtempSync(path.join(tmpdir(), 'co-files-'));
    testDb = await createTestDb();
    await seedDemo(testDb.db, { fixedPasswords: true });
    const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST_DIR: '/nonexistent', DATA_DIR: dataDir });
    app = await buildApp({ config, db: testDb.db, clock: new ManualClock(new Date()) });
    await app.ready();
    vanthu = await login('vanthu');
    chuyenvien = await login('chuyenvien1');
  });

  afterAll(async () => {
    await app?.close();
    await testDb?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores a PDF and answers its reference; the same content twice is one blob and two rows', async () => {
    const pdf = samplePdf('twice');
    const before = blobs().length;
    const first = await upload(vanthu, 'Quyết định 602.pdf', pdf);
    expect(first.statusCode).toBe(201);
    const ref = first.json() as TFileRef;
    expect(ref).toMatchObject({
      name: 'Quyết định 602.pdf'.normalize('NFC'),
      mime: 'application/pdf',
      size: pdf.length,
      preview: 'pdf',
    });
    const second = await upload(chuyenvien, 'ban-sao.pdf', pdf);
    expect(second.statusCode).toBe(201);
    expect(second.json().id).not.toBe(ref.id);
    expect(blobs().length).toBe(before + 1);
    const sha = createHash('sha256').update(pdf).digest('hex');
    expect(existsSync(path.join(dataDir, 'files', sha.slice(0, 2), sha.slice(2, 4), sha))).toBe(true);
    const rows = await testDb.db.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM files WHERE id IN (${ref.id}::uuid, ${second.json().id}::uuid)`,
    );
    expect(rows[0].n).toBe(2);
    expect(temps()).toEqual([]);
  });

  it('normalises the name to NFC and drops folders', async () => {
    const decomposed = 'Công văn'.normalize('NFD');
    const res = await upload(vanthu, `C:\\Users\\vt\\${decomposed}.pdf`, samplePdf('nfc'));
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe('Công văn.pdf'.normalize('NFC'));
  });

  it('refuses a file over upload.maxFileMb with 413 and keeps nothing', async () => {
    await app.platform.settings.set('upload.maxFileMb', 1, null);
    try {
      const rowsBefore = await count('files');
      const blobsBefore = blobs().length;
      const big = Buffer.concat([samplePdf('big'), Buffer.alloc(1024 * 1024 + 10, 0x20)]);
      const res = await upload(vanthu, 'lon.pdf', big);
      expect(res.statusCode).toBe(413);
      expect(res.json().error).toMatchObject({ code: 'FILE_TOO_LARGE', details: { maxMb: 1 } });
      expect(await count('files')).toBe(rowsBefore);
      expect(blobs().length).toBe(blobsBefore);
      expect(temps()).toEqual([]);
    } finally {
      await app.platform.settings.set('upload.maxFileMb', 20, null);
    }
  });

  it('refuses a .pdf whose content is a PNG with 422', async () => {
    const res = await upload(vanthu, 'gia-mao.pdf', SAMPLE_PNG);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'FILE_CONTENT_MISMATCH',
      message: 'Nội dung tệp không đúng với loại tệp (phần mở rộng).',
      details: { declared: 'pdf', actual: 'png' },
    });
    expect(temps()).toEqual([]);
  });

  it('refuses an executable or unknown content with 415, whatever its name', async () => {
    for (const name of ['setup.exe', 'setup.docx']) {
      const res = await upload(vanthu, name, SAMPLE_EXE);
      expect(res.statusCode).toBe(415);
      expect(res.json().error.code).toBe('FILE_TYPE_NOT_ALLOWED');
    }
    const empty = await upload(vanthu, 'rong.pdf', Buffer.alloc(0));
    expect(empty.statusCode).toBe(415);
  });

  it('refuses a real type that upload.allowedTypes leaves out with 415', async () => {
    await app.platform.settings.set('upload.allowedTypes', ['pdf', 'docx'], null);
    try {
      const res = await upload(vanthu, 'bang.xlsx', minimalXlsx());
      expect(res.statusCode).toBe(415);
      expect(res.json().error).toMatchObject({
        code: 'FILE_TYPE_NOT_ALLOWED',
        details: { allowedTypes: ['pdf', 'docx'] },
      });
    } finally {
      await app.platform.settings.set(
        'upload.allowedTypes',
        ['pdf', 'docx', 'xlsx', 'doc', 'xls', 'jpg', 'png', 'tif'],
        null,
      );
    }
    const ok = await upload(vanthu, 'bang.xlsx', minimalXlsx());
    expect(ok.statusCode).toBe(201);
    expect(ok.json().preview).toBe('none');
  });

  it('answers 415 to a request that is not multipart and 400 when the file is missing', async () => {
    const json = await app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { cookie: vanthu },
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const wrongField = await upload(vanthu, 'a.pdf', samplePdf(), 'document');
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json().error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'body.file' }] });
    const boundary = 'emptyboundary';
    const none = await app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { cookie: vanthu, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${boundary}--\r\n`,
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.code).toBe('VALIDATION_FAILED');
    const anonymous = await app.inject({ method: 'POST', url: '/api/files', ...multipart('a.pdf', samplePdf()) });
    expect(anonymous.statusCode).toBe(401);
  });

  it('serves an unattached upload to its uploader only, with safe headers and an ETag', async () => {
    const pdf = samplePdf('serve');
    const ref = (await upload(vanthu, 'Tờ trình.pdf', pdf)).json() as TFileRef;
    const res = await get(vanthu, `/api/files/${ref.id}/content`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(pdf)).toBe(true);
    expect(res.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(pdf.length),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, max-age=3600',
    });
    expect(res.headers['content-disposition']).toBe(
      `inline; filename="To trinh.pdf"; filename*=UTF-8''${encodeURIComponent('Tờ trình.pdf')}`,
    );
    const etag = String(res.headers.etag);
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const again = await get(vanthu, `/api/files/${ref.id}/content`, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const download = await get(vanthu, `/api/files/${ref.id}/content?download=1`);
    expect(download.headers['content-disposition']).toMatch(/^attachment; /);

    const other = await get(chuyenvien, `/api/files/${ref.id}/content`);
    expect(other.statusCode).toBe(404);
    expect((await get(chuyenvien, `/api/files/${ref.id}/preview`)).statusCode).toBe(404);
    expect((await get(vanthu, '/api/files/not-a-uuid/content')).statusCode).toBe(400);
  });

  it('offers an XLSX as a download, never inline', async () => {
    const ref = (await upload(vanthu, 'so lieu.xlsx', minimalXlsx())).json() as TFileRef;
    const res = await get(vanthu, `/api/files/${ref.id}/content`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="so lieu.xlsx"/);
  });

  it('previews a DOCX as a locked-down HTML page with the text of the document', async () => {
    const docx = minimalDocx([
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      '<script>x</script>',
    ]);
    const up = await upload(vanthu, 'Kế hoạch.docx', docx);
    expect(up.statusCode).toBe(201);
    const ref = up.json() as TFileRef;
    expect(ref.preview).toBe('html');
    const res = await get(vanthu, `/api/files/${ref.id}/preview`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(
      "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox",
    );
    expect(res.body).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(res.body).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(res.body).toContain('&lt;script&gt;');
    expect(res.body).not.toContain('<script>');
    expect(res.body).toContain('<html lang="vi">');
    const cached = await get(vanthu, `/api/files/${ref.id}/preview`, { 'if-none-match': String(res.headers.etag) });
    expect(cached.statusCode).toBe(304);

    const broken = storedZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: 'not xml at all <<<' },
    ]);
    const damaged = (await upload(vanthu, 'hong.docx', broken)).json() as TFileRef;
    expect((await get(vanthu, `/api/files/${damaged.id}/preview`)).statusCode).toBe(404);

    const pdf = (await upload(vanthu, 'a.pdf', samplePdf('nopreview'))).json() as TFileRef;
    expect((await get(vanthu, `/api/files/${pdf.id}/preview`)).statusCode).toBe(404);
  });

  it('attaches own unattached files in order and lists them per owner in one call', async () => {
    const files = app.platform.files;
    const a = (await upload(vanthu, 'a.pdf', samplePdf('att-a'))).json() as TFileRef;
    const b = (await upload(vanthu, 'b.png', SAMPLE_PNG)).json() as TFileRef;
    const ownerId = '0190a0a0-0000-7000-8000-000000000001';
    const otherOwner = '0190a0a0-0000-7000-8000-000000000002';
    const ctx = await ctxOf('vanthu');
    await app.platform.db.transaction(() => files.attach(ctx, 'test-owner', ownerId, [b.id, a.id]));
    const listed = await files.listFor('test-owner', [ownerId, otherOwner]);
    expect(listed.get(ownerId)?.map((f) => f.id)).toEqual([b.id, a.id]);
    expect(listed.get(ownerId)?.[0]).toEqual({ ...b, preview: 'image' });
    expect(listed.get(otherOwner)).toEqual([]);
    expect(await files.isAttachedTo('test-owner', [otherOwner, ownerId], a.id)).toBe(true);
    expect(await files.isAttachedTo('other-type', [ownerId], a.id)).toBe(false);

    // Once attached, the upload routes no longer serve it: the owning module does.
    expect((await get(vanthu, `/api/files/${a.id}/content`)).statusCode).toBe(404);

    // Attached already: refused, nothing added.
    const attachmentsBefore = await count('attachments');
    await expect(files.attach(ctx, 'test-owner', otherOwner, [a.id])).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      opts: { field: 'body.fileIds' },
    });
    expect(await count('attachments')).toBe(attachmentsBefore);

    const removed = await files.detach(ctx, 'test-owner', ownerId, [a.id]);
    expect(removed).toEqual([a.id]);
    expect((await files.listFor('test-owner', [ownerId])).get(ownerId)?.map((f) => f.id)).toEqual([b.id]);
    expect(await files.isAttachedTo('test-owner', [ownerId], a.id)).toBe(false);
  });

  it("refuses to attach someone else's upload, and rolls back with the caller's transaction", async () => {
    const files = app.platform.files;
    const mine = (await upload(vanthu, 'cua-toi.pdf', samplePdf('mine'))).json() as TFileRef;
    const theirs = (await upload(chuyenvien, 'cua-ban.pdf', samplePdf('theirs'))).json() as TFileRef;
    const ctx = await ctxOf('vanthu');
    const ownerId = '0190a0a0-0000-7000-8000-000000000003';
    const before = await count('attachments');
    await expect(
      app.platform.db.transaction(() => files.attach(ctx, 'test-owner', ownerId, [mine.id, theirs.id])),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    await expect(files.attach(ctx, 'test-owner', ownerId, ['not-a-uuid'])).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(await count('attachments')).toBe(before);

    // A failure later in the caller's transaction takes the attachment back with it.
    await expect(
      app.platform.db.transaction(async () => {
        await files.attach(ctx, 'test-owner', ownerId, [mine.id]);
        throw new Error('the record could not be saved');
      }),
    ).rejects.toThrow('the record could not be saved');
    expect(await count('attachments')).toBe(before);
    expect((await get(vanthu, `/api/files/${mine.id}/content`)).statusCode).toBe(200);
  });

  it('tells a signed-in user the upload limits in force', async () => {
    const res = await get(chuyenvien, '/api/files/limits');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      maxFileMb: 20,
      allowedTypes: ['pdf', 'docx', 'xlsx', 'doc', 'xls', 'jpg', 'png', 'tif'],
    });
    expect((await app.inject({ method: 'GET', url: '/api/files/limits' })).statusCode).toBe(401);
  });

  it('documents the routes in OpenAPI, the upload as multipart', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/files', '/api/files/{id}/content', '/api/files/{id}/preview']),
    );
    expect(Object.keys(spec.paths['/api/files'].post.requestBody?.content ?? {})).toContain('multipart/form-data');
  });

  it('takes only the first file of a request', async () => {
    const boundary = 'twofiles';
    const part = (name: string, body: Buffer) =>
      Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n\r\n`),
        body,
        Buffer.from('\r\n'),
      ]);
    const payload = Buffer.concat([
      part('mot.pdf', samplePdf('one')),
      part('hai.pdf', samplePdf('two')),
      Buffer.from(`--${boundary}--\r\n`),
    ]);
    const res = await app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { cookie: vanthu, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe('mot.pdf');
  });
});

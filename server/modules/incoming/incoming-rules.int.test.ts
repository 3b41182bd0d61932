import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, countRows } from '../../test/api-helpers';
import { createTestApp, type TestApp } from '../../test/harness';
import { SAMPLE_PNG, samplePdf } from '../../platform/files/files.fixtures';
import { act, incomingBody, registerIncoming, upload, userId } from './incoming.test-helpers';

let t: TestApp;
const c: Record<string, string> = {};
const id: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const u of [
    'vanthu',
    'truongphong',
    'chuyenvien1',
    'chuyenvien2',
    'th.vanthu',
    'th.hieutruong',
    'th.gv1',
    'mn.vanthu',
  ]) {
    c[u] = await t.login(u);
    id[u] = await userId(t, u);
  }
});
afterAll(() => t.close());

const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((r) => r.id);

describe('numbering', () => {
  it('gives consecutive arrival numbers per unit register; the preview shows the next one', async () => {
    const before = (await call(t, c['mn.vanthu'], 'GET', '/api/incoming/form')).json();
    expect(before.nextNumber).toBe(1);
    const a = await registerIncoming(t, c['mn.vanthu'], { codeNumber: '1' });
    const b = await registerIncoming(t, c['mn.vanthu'], { codeNumber: '2' });
    expect([a.document.arrivalNumber, b.document.arrivalNumber]).toEqual([1, 2]);
    const other = await registerIncoming(t, c['th.vanthu'], { codeNumber: '3' });
    expect(other.document.arrivalNumber).toBe(1);
    const after = (await call(t, c['mn.vanthu'], 'GET', '/api/incoming/form')).json();
    expect(after.nextNumber).toBe(3);
    expect(after.last.issuingOrganName).toBe('Sở Giáo dục và Đào tạo tỉnh Kiên Giang');
  });

  it('never repeats or skips when clerks register at the same moment', async () => {
    const n = 24;
    const second = await t.login('vanthu');
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) => registerIncoming(t, i % 2 ? c.vanthu : second, { codeNumber: `C${i}` })),
    );
    const numbers = results.map((r) => r.document.arrivalNumber).sort((x, y) => x - y);
    const first = numbers[0];
    expect(numbers).toEqual(Array.from({ length: n }, (_, i) => first + i));
  });

  it('keeps a separate register for confidential documents', async () => {
    const secret = await registerIncoming(t, c['mn.vanthu'], { codeNumber: '9', confidentialityCode: 'mat' });
    expect(secret.document.arrivalNumber).toBe(1);
    expect(secret.document.registerName).toMatch(/\(mật\)$/);
  });

  it('starts again from 1 on 1 January (Vietnam time)', async () => {
    const saved = t.clock.now();
    try {
      t.clock.set(new Date('2030-12-31T16:58:00Z')); // 23:58 on 31/12 in Vietnam
      const clerk = await t.login('th.vanthu');
      const last = await registerIncoming(t, clerk, { codeNumber: '2030' });
      expect(last.document.year).toBe(2030);
      t.clock.set(new Date('2030-12-31T17:00:30Z')); // 00:00:30 on 01/01/2031
      const first = await registerIncoming(t, clerk, { codeNumber: '2031' });
      expect(first.document).toMatchObject({ year: 2031, arrivalNumber: 1 });
      const second = await registerIncoming(t, clerk, { codeNumber: '2031b' });
      expect(second.document.arrivalNumber).toBe(2);
    } finally {
      t.clock.set(saved);
    }
  });
});

describe('bad input is refused and leaves nothing behind', () => {
  it('refuses missing and unknown fields with the field named, without using up a number', async () => {
    const docsBefore = await countRows(t, 'incoming_documents');
    const form = (await call(t, c.vanthu, 'GET', '/api/incoming/form')).json();
    const noSubject = await call(t, c.vanthu, 'POST', '/api/incoming', { ...(await incomingBody(t)), subject: '   ' });
    expect(noSubject.statusCode).toBe(400);
    expect(noSubject.json().error.fields.map((f: { path: string }) => f.path)).toContain('body.subject');
    const noType = await call(t, c.vanthu, 'POST', '/api/incoming', {
      ...(await incomingBody(t)),
      documentTypeId: undefined,
    });
    expect(noType.statusCode).toBe(400);
    const unknownOrgan = await call(t, c.vanthu, 'POST', '/api/incoming', {
      ...(await incomingBody(t)),
      issuingOrganName: undefined,
      issuingOrganId: '0190a1b2-0000-7000-8000-000000000000',
    });
    expect(unknownOrgan.statusCode).toBe(400);
    expect(unknownOrgan.json().error.fields[0].path).toBe('body.issuingOrganId');
    const unknownType = await call(t, c.vanthu, 'POST', '/api/incoming', {
      ...(await incomingBody(t)),
      documentTypeId: '0190a1b2-0000-7000-8000-000000000000',
    });
    expect(unknownType.statusCode).toBe(400);
    const badLevel = await call(t, c.vanthu, 'POST', '/api/incoming', {
      ...(await incomingBody(t)),
      urgencyCode: 'rat-khan',
    });
    expect(badLevel.statusCode).toBe(400);
    const unknownRecipient = await call(t, c.vanthu, 'POST', '/api/incoming', {
      ...(await incomingBody(t)),
      recipientIds: ['0190a1b2-0000-7000-8000-000000000000'],
    });
    expect(unknownRecipient.statusCode).toBe(400);
    const someoneElsesFile = await upload(t, c.chuyenvien1, 'a.pdf', samplePdf());
    const stolen = await call(t, c.vanthu, 'POST', '/api/incoming', {
      ...(await incomingBody(t)),
      fileIds: [someoneElsesFile.body.id],
    });
    expect(stolen.statusCode).toBe(400);
    expect(await countRows(t, 'incoming_documents')).toBe(docsBefore);
    const next = await registerIncoming(t, c.vanthu, { codeNumber: '777' });
    expect(next.document.arrivalNumber).toBe(form.nextNumber);
  });

  it('refuses a file over the limit and a file whose content is not its type', async () => {
    const admin = await t.login('admin');
    await call(t, admin, 'PUT', '/api/admin/settings', { 'upload.maxFileMb': 1 });
    const big = await upload(t, c.vanthu, 'lon.pdf', Buffer.concat([samplePdf(), Buffer.alloc(1024 * 1024 + 10)]));
    expect(big.status).toBe(413);
    expect(big.body.error?.code).toBe('FILE_TOO_LARGE');
    const fake = await upload(t, c.vanthu, 'cong-van.pdf', SAMPLE_PNG);
    expect(fake.status).toBe(422);
    expect(fake.body.error?.code).toBe('FILE_CONTENT_MISMATCH');
    await call(t, admin, 'PUT', '/api/admin/settings', { 'upload.maxFileMb': 20 });
  });

  it('refuses actions to people without the permission', async () => {
    const res = await call(t, c.chuyenvien1, 'POST', '/api/incoming', await incomingBody(t));
    expect(res.statusCode).toBe(403);
    const form = await call(t, c.chuyenvien1, 'GET', '/api/incoming/form');
    expect(form.statusCode).toBe(403);
  });
});

describe('duplicates', () => {
  it('warns (does not block) when the same code and organ are already registered', async () => {
    const first = await registerIncoming(t, c.vanthu, { codeNumber: '045', codeNotation: 'ubnd - vp' });
    expect(first.document.code).toBe('045/UBND-VP');
    const live = await call(
      t,
      c.vanthu,
      'GET',
      `/api/incoming/duplicates?codeNumber=45&codeNotation=UBND-VP&issuingOrganName=${encodeURIComponent('Sở GD&ĐT tỉnh Kiên Giang')}`,
    );
    expect(live.json().map((d: { id: string }) => d.id)).toEqual([first.document.id]);
    const second = await registerIncoming(t, c.vanthu, { codeNumber: '45', codeNotation: 'UBND-VP' });
    expect(second.duplicates.map((d) => d.id)).toEqual([first.document.id]);
  });
});

describe('who sees what', () => {
  let open = '';
  let secret = '';

  beforeAll(async () => {
    open = (await registerIncoming(t, c.vanthu, { subject: 'Công văn về việc tổ chức Hội khỏe Phù Đổng cấp huyện' }))
      .document.id;
    secret = (
      await registerIncoming(t, c.vanthu, {
        subject: 'Công văn mật về công tác bảo vệ bí mật nhà nước',
        confidentialityCode: 'toi-mat',
      })
    ).document.id;
  });

  it('a confidential document is hidden from the unit until a person is named on it, in lists, search, counts and detail', async () => {
    for (const u of ['chuyenvien1', 'truongphong']) {
      const search = await call(t, c[u], 'GET', '/api/incoming?pageSize=100');
      expect(ids(search)).toContain(open);
      expect(ids(search)).not.toContain(secret);
      expect((await call(t, c[u], 'GET', `/api/incoming/${secret}`)).statusCode).toBe(404);
      const byText = await call(t, c[u], 'GET', '/api/incoming?q=bi%20mat%20nha%20nuoc');
      expect(byText.json().total).toBe(0);
    }
    expect((await call(t, c.vanthu, 'GET', `/api/incoming/${secret}`)).statusCode).toBe(200);
    await act(t, c.vanthu, secret, 'present', { leaderIds: [id.truongphong] });
    expect((await call(t, c.truongphong, 'GET', `/api/incoming/${secret}`)).statusCode).toBe(200);
    await act(t, c.truongphong, secret, 'direct', {
      direction: 'Đồng chí Nam xử lý',
      handlers: [{ userId: id.chuyenvien1, role: 'lead' }],
    });
    expect((await call(t, c.chuyenvien1, 'GET', `/api/incoming/${secret}`)).statusCode).toBe(200);
    expect((await call(t, c.chuyenvien2, 'GET', `/api/incoming/${secret}`)).statusCode).toBe(404);
    const file = await call(t, c.chuyenvien2, 'GET', `/api/incoming/${secret}/slip.pdf`);
    expect(file.statusCode).toBe(404);
  });

  it('a school never sees the department’s documents unless sent them', async () => {
    expect(ids(await call(t, c['th.gv1'], 'GET', '/api/incoming?pageSize=100'))).not.toContain(open);
    expect(ids(await call(t, c['th.vanthu'], 'GET', '/api/incoming?pageSize=100'))).not.toContain(open);
    expect((await call(t, c['th.gv1'], 'GET', `/api/incoming/${open}`)).statusCode).toBe(404);
    const hidden = await call(t, c['th.gv1'], 'POST', `/api/incoming/${open}/opinions`, { body: 'x' });
    expect(hidden.statusCode).toBe(404);
    await act(t, c.vanthu, open, 'forward', { userIds: [id['th.gv1']], role: 'info' });
    expect(ids(await call(t, c['th.gv1'], 'GET', '/api/incoming?pageSize=100'))).toContain(open);
    expect(ids(await call(t, c['th.vanthu'], 'GET', '/api/incoming?pageSize=100'))).not.toContain(open);
    const info = await call(t, c['th.gv1'], 'GET', '/api/incoming/box/info');
    expect(ids(info)).toContain(open);
  });
});

describe('search', () => {
  beforeAll(async () => {
    await registerIncoming(t, c['th.vanthu'], {
      subject: 'Kế hoạch tuyển sinh năm học 2027-2028',
      urgencyCode: 'hoa-toc',
    });
    await registerIncoming(t, c['th.vanthu'], {
      subject: 'Báo cáo tổng kết năm học',
      codeNumber: '88',
      codeNotation: 'BC-UBND',
    });
    await registerIncoming(t, c['th.vanthu'], { subject: 'Quyết định về việc đào tạo giáo viên' });
  });

  it('finds the subject without diacritics and by word beginnings', async () => {
    const res = await call(t, c['th.vanthu'], 'GET', '/api/incoming?q=ke%20hoach%20tuyen%20sinh');
    expect(res.json().items.map((r: { subject: string }) => r.subject)).toContain(
      'Kế hoạch tuyển sinh năm học 2027-2028',
    );
    const dao = await call(t, c['th.vanthu'], 'GET', '/api/incoming?q=dao%20tao');
    expect(dao.json().items.map((r: { subject: string }) => r.subject)).toEqual([
      'Quyết định về việc đào tạo giáo viên',
    ]);
    const prefix = await call(t, c['th.vanthu'], 'GET', '/api/incoming?q=tong%20ket');
    expect(prefix.json().total).toBe(1);
    const injection = await call(t, c['th.vanthu'], 'GET', '/api/incoming?q=%27%29%20%7C%20%21');
    expect(injection.statusCode).toBe(200);
  });

  it('puts open urgent documents first, filters by code, urgency and status, sorts and pages', async () => {
    const all = (await call(t, c['th.vanthu'], 'GET', '/api/incoming')).json();
    expect(all.items[0].urgency.code).toBe('hoa-toc');
    const byCode = (await call(t, c['th.vanthu'], 'GET', '/api/incoming?code=88/BC-UBND')).json();
    expect(byCode.items).toHaveLength(1);
    const urgent = (await call(t, c['th.vanthu'], 'GET', '/api/incoming?urgencyCode=hoa-toc')).json();
    expect(urgent.total).toBe(1);
    const fresh = (await call(t, c['th.vanthu'], 'GET', '/api/incoming?status=new')).json();
    expect(fresh.items.every((r: { status: string }) => r.status === 'new')).toBe(true);
    const sorted = (
      await call(t, c['th.vanthu'], 'GET', '/api/incoming?sort=arrivalNumber&dir=asc&pageSize=5&page=1')
    ).json();
    const numbers = sorted.items.map((r: { arrivalNumber: number; year: number }) => r.year * 100000 + r.arrivalNumber);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    const bad = await call(t, c['th.vanthu'], 'GET', '/api/incoming?sort=nope');
    expect(bad.statusCode).toBe(400);
  });

  it('shows overdue documents under the overdue status and exports the result to XLSX', async () => {
    const created = await registerIncoming(t, c.vanthu, {
      subject: 'Báo cáo số liệu quá hạn',
      recipientIds: [id.truongphong],
    });
    const today = new Date(t.clock.now().getTime() + 7 * 3600_000).toISOString().slice(0, 10);
    await act(t, c.truongphong, created.document.id, 'direct', {
      direction: 'Xử lý ngay',
      dueDate: today,
      handlers: [{ userId: id.chuyenvien2, role: 'lead' }],
    });
    const saved = t.clock.now();
    t.clock.advance(3 * 86_400_000);
    try {
      const later = await t.login('truongphong'); // sessions do not survive three idle days
      const overdue = (await call(t, later, 'GET', '/api/incoming?status=overdue')).json();
      expect(overdue.items.map((r: { id: string }) => r.id)).toContain(created.document.id);
      expect(overdue.items[0].overdue).toBe(true);
      const xlsx = await call(t, later, 'GET', '/api/incoming/export.xlsx?status=overdue');
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    } finally {
      t.clock.set(saved);
    }
  });
});

describe('reminders (durable jobs, sent once)', () => {
  it('reminds the handler a working day before the due date and when overdue, once across two instances', async () => {
    const created = await registerIncoming(t, c.vanthu, {
      subject: 'Văn bản cần nhắc hạn',
      recipientIds: [id.truongphong],
    });
    await act(t, c.truongphong, created.document.id, 'direct', {
      direction: 'Xử lý đúng hạn',
      handlers: [{ userId: id.chuyenvien2, role: 'lead', dueDate: '2099-06-10' }], // a Wednesday
    });
    const kinds = async () =>
      (
        await t.db.rows<{ kind: string }>(sql`
        SELECT kind FROM notifications WHERE user_id = ${id.chuyenvien2}::uuid AND kind IN ('incoming.dueSoon','incoming.overdue')
        AND body LIKE '%cần nhắc hạn%' ORDER BY created_at`)
      ).map((r) => r.kind);
    const saved = t.clock.now();
    const second = await t.another();
    try {
      t.clock.set(new Date('2099-06-09T00:30:00Z')); // 07:30 on Tuesday 09/06 in Vietnam: not yet
      await Promise.all([t.app.platform.jobRunner.runDue(), second.platform.jobRunner.runDue()]);
      expect(await kinds()).toEqual([]);
      t.clock.set(new Date('2099-06-09T01:05:00Z')); // 08:05
      await Promise.all([t.app.platform.jobRunner.runDue(), second.platform.jobRunner.runDue()]);
      expect(await kinds()).toEqual(['incoming.dueSoon']);
      t.clock.set(new Date('2099-06-11T00:10:00Z')); // 07:10 on 11/06: overdue
      await Promise.all([t.app.platform.jobRunner.runDue(), second.platform.jobRunner.runDue()]);
      await t.app.platform.jobRunner.runDue();
      expect(await kinds()).toEqual(['incoming.dueSoon', 'incoming.overdue']);
      const summary = await t.db.rows(sql`
        SELECT count(*)::int AS n FROM notifications WHERE user_id = ${id.truongphong}::uuid AND kind = 'incoming.dailySummary'`);
      expect(Number(summary[0].n)).toBeGreaterThanOrEqual(1); // one per day, each once (dedupe key)
    } finally {
      t.clock.set(saved);
    }
  });

  it('does not remind a part that is already done', async () => {
    const created = await registerIncoming(t, c.vanthu, {
      subject: 'Văn bản xong sớm',
      recipientIds: [id.truongphong],
    });
    await act(t, c.truongphong, created.document.id, 'direct', {
      direction: 'Xử lý',
      handlers: [{ userId: id.chuyenvien1, role: 'lead', dueDate: '2099-09-16' }],
    });
    await act(t, c.chuyenvien1, created.document.id, 'complete', { result: 'Xong' });
    const saved = t.clock.now();
    try {
      t.clock.set(new Date('2099-09-18T00:00:00Z'));
      await t.app.platform.jobRunner.runDue();
      const rows = await t.db.rows(sql`
        SELECT 1 FROM notifications WHERE user_id = ${id.chuyenvien1}::uuid AND body LIKE '%xong sớm%' AND kind <> 'incoming.assigned'`);
      expect(rows).toHaveLength(0);
    } finally {
      t.clock.set(saved);
    }
  });
});

describe('delegation and sorting details', () => {
  it('a deputy directing for the head under a delegation is recorded "on behalf of" in the trail', async () => {
    const deputy = await userId(t, 'photruongphong');
    const today = new Date(t.clock.now().getTime() + 7 * 3600_000).toISOString().slice(0, 10);
    await t.db.rows(sql`INSERT INTO delegations (id, from_user_id, to_user_id, starts_on, ends_on)
      VALUES (gen_random_uuid(), ${id.truongphong}::uuid, ${deputy}::uuid, ${today}::date, ${today}::date)`);
    const created = await registerIncoming(t, c.vanthu, {
      subject: 'Văn bản lãnh đạo ủy quyền',
      recipientIds: [id.truongphong],
    });
    const cookie = await t.login('photruongphong');
    const box = await t.app.inject({
      method: 'GET',
      url: '/api/incoming/box/direct',
      headers: { cookie, 'x-on-behalf-of': id.truongphong },
    });
    expect(box.json().items.map((r: { id: string }) => r.id)).toContain(created.document.id);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/incoming/${created.document.id}/direct`,
      headers: { cookie, 'x-on-behalf-of': id.truongphong },
      payload: { direction: 'Đồng ý, giao đồng chí Nam', handlers: [{ userId: id.chuyenvien1, role: 'lead' }] },
    });
    expect(res.statusCode).toBe(200);
    const step = res.json().trail.find((s: { action: string }) => s.action === 'direct');
    expect(step).toMatchObject({ actor: 'Trần Minh Quang', onBehalfOf: 'Huỳnh Văn Tiến' });
    expect(res.json().directedBy).toBe('Huỳnh Văn Tiến');
  });

  it('sorts by arrival number both ways and filters normal urgency', async () => {
    const asc = (await call(t, c['th.vanthu'], 'GET', '/api/incoming?sort=arrivalNumber&dir=asc&pageSize=100')).json();
    const desc = (
      await call(t, c['th.vanthu'], 'GET', '/api/incoming?sort=arrivalNumber&dir=desc&pageSize=100')
    ).json();
    const key = (r: { year: number; arrivalNumber: number }) => r.year * 100000 + r.arrivalNumber;
    expect(asc.items.map(key)).toEqual([...asc.items.map(key)].sort((a, b) => a - b));
    expect(desc.items.map(key)).toEqual([...desc.items.map(key)].sort((a, b) => b - a));
    const normal = (await call(t, c['th.vanthu'], 'GET', '/api/incoming?urgencyCode=thuong&pageSize=100')).json();
    expect(normal.total).toBeGreaterThan(0);
    expect(normal.items.every((r: { urgency: unknown }) => r.urgency === null)).toBe(true);
  });
});

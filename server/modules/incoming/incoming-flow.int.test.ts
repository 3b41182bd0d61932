import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TBadges } from '../../../contracts/badges';
import { auditOf, call } from '../../test/api-helpers';
import { createTestApp, type TestApp } from '../../test/harness';
import { samplePdf } from '../../platform/files/files.fixtures';
import { act, registerIncoming, upload, userId } from './incoming.test-helpers';

let t: TestApp;
const c: Record<string, string> = {};
const id: Record<string, string> = {};

async function badges(username: string): Promise<TBadges> {
  return t.app.platform.badges.forUser(id[username]);
}

beforeAll(async () => {
  t = await createTestApp();
  for (const u of [
    'vanthu',
    'truongphong',
    'photruongphong',
    'chuyenvien1',
    'chuyenvien2',
    'th.hieutruong',
    'th.gv1',
    'th.vanthu',
  ]) {
    c[u] = await t.login(u);
    id[u] = await userId(t, u);
  }
});
afterAll(() => t.close());

describe('incoming flow: register → present → direct → handle → done', () => {
  let docId = '';

  it('registers with a PDF and presents it to the leader from the entry form', async () => {
    const file = await upload(t, c.vanthu, 'ke-hoach.pdf', samplePdf('Ke hoach'));
    expect(file.status).toBe(201);
    const created = await registerIncoming(t, c.vanthu, {
      fileIds: [file.body.id],
      recipientIds: [id.truongphong],
      urgencyCode: 'khan',
    });
    docId = created.document.id;
    expect(created.document.status).toBe('presented');
    expect(created.document.files.map((f) => f.name)).toEqual(['ke-hoach.pdf']);
    expect(created.document.urgency?.name).toBe('Khẩn');
    expect(created.document.registerName).toMatch(/^Sổ đăng ký văn bản đến năm \d{4}$/);
    const inbox = await call(t, c.truongphong, 'GET', '/api/incoming/box/direct');
    expect(inbox.json().items.map((r: { id: string }) => r.id)).toContain(docId);
    expect((await badges('truongphong')).unreadIncoming).toBe(1);
    const notes = await t.db.rows(sql`SELECT kind FROM notifications WHERE user_id = ${id.truongphong}::uuid`);
    expect(notes.map((n) => n.kind)).toContain('incoming.present');
  });

  it('shows the attachment only to people who may see the document', async () => {
    const detail = (await call(t, c.truongphong, 'GET', `/api/incoming/${docId}`)).json();
    const fileId = detail.files[0].id;
    const ok = await call(t, c.truongphong, 'GET', `/api/incoming/${docId}/files/${fileId}/content`);
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toContain('application/pdf');
    expect(ok.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const outsider = await call(t, c['th.gv1'], 'GET', `/api/incoming/${docId}/files/${fileId}/content`);
    expect(outsider.statusCode).toBe(404);
  });

  it('records the first view and lowers the unread badge', async () => {
    const unread = async () =>
      (await call(t, c.truongphong, 'GET', '/api/incoming/box/unread')).json().items.map((r: { id: string }) => r.id);
    expect(await unread()).toEqual([docId]);
    await act(t, c.truongphong, docId, 'seen', {});
    expect((await badges('truongphong')).unreadIncoming).toBe(0);
    expect(await unread()).toEqual([]);
  });

  it('refuses a direction with two leads or co-handlers without a lead', async () => {
    const two = await call(t, c.truongphong, 'POST', `/api/incoming/${docId}/direct`, {
      direction: 'Giao xử lý',
      handlers: [
        { userId: id.chuyenvien1, role: 'lead' },
        { userId: id.chuyenvien2, role: 'lead' },
      ],
    });
    expect(two.statusCode).toBe(400);
    const noLead = await call(t, c.truongphong, 'POST', `/api/incoming/${docId}/direct`, {
      direction: 'Giao xử lý',
      handlers: [{ userId: id.chuyenvien2, role: 'co' }],
    });
    expect(noLead.statusCode).toBe(400);
    expect(noLead.json().error.fields[0].path).toBe('body.handlers');
  });

  it('the leader directs: lead, co-handler and for information, each with a due date', async () => {
    const d = await act(t, c.truongphong, docId, 'direct', {
      direction: 'Giao đồng chí Nam chủ trì, đồng chí Xuân phối hợp tham mưu kế hoạch.',
      dueDate: '2099-12-15',
      handlers: [
        { userId: id.chuyenvien1, role: 'lead', dueDate: '2099-12-10' },
        { userId: id.chuyenvien2, role: 'co' },
        { userId: id.photruongphong, role: 'info' },
      ],
    });
    expect(d.status).toBe('in_progress');
    expect(d.lead).toBe('Lê Hoàng Nam');
    expect(d.dueDate).toBe('2099-12-15');
    const parts = d.assignments.filter((a) => a.role !== 'director');
    expect(parts.map((a) => [a.person.fullName, a.role, a.dueDate])).toEqual([
      ['Lê Hoàng Nam', 'lead', '2099-12-10'],
      ['Phạm Thị Thanh Xuân', 'co', '2099-12-15'],
      ['Trần Minh Quang', 'info', null],
    ]);
    expect(d.trail.map((s) => s.action)).toEqual(['register', 'present', 'direct']);
    expect(d.trail[2].targets).toHaveLength(3);
    const box = (await call(t, c.chuyenvien1, 'GET', '/api/incoming/box/handle')).json();
    expect(box.items[0]).toMatchObject({ id: docId, myRole: 'lead', myDueDate: '2099-12-10', unread: true });
    expect((await badges('chuyenvien1')).unreadIncoming).toBe(1);
    const jobs = await t.db.rows(
      sql`SELECT kind FROM jobs WHERE kind LIKE 'incoming.%' AND payload->>'dueDate' = '2099-12-10'`,
    );
    expect(jobs.map((j) => j.kind).sort()).toEqual(['incoming.dueSoon', 'incoming.overdue']);
  });

  it('a handler asks a colleague for an opinion; the colleague answers with a file', async () => {
    await act(t, c.chuyenvien1, docId, 'opinion-requests', {
      userIds: [id.chuyenvien2],
      question: 'Đồng chí cho ý kiến về chỉ tiêu tuyển sinh?',
    });
    expect((await badges('chuyenvien2')).opinions).toBe(1);
    const box = (await call(t, c.chuyenvien2, 'GET', '/api/incoming/box/opinions')).json();
    expect(box.total).toBe(1);
    const file = await upload(t, c.chuyenvien2, 'y-kien.pdf', samplePdf('Y kien'));
    const d = await act(t, c.chuyenvien2, docId, 'opinions', {
      body: 'Đề nghị giữ chỉ tiêu như năm trước.',
      fileIds: [file.body.id],
    });
    expect(d.opinions[0]).toMatchObject({
      author: 'Phạm Thị Thanh Xuân',
      question: 'Đồng chí cho ý kiến về chỉ tiêu tuyển sinh?',
    });
    expect(d.opinions[0].files).toHaveLength(1);
    expect((await badges('chuyenvien2')).opinions).toBe(0);
    const f = await call(t, c.chuyenvien1, 'GET', `/api/incoming/${docId}/files/${d.opinions[0].files[0].id}/content`);
    expect(f.statusCode).toBe(200);
  });

  it('the lead reports progress and finishes; the document is done and the leader sees it', async () => {
    const p = await act(t, c.chuyenvien1, docId, 'progress', { progress: 60, comment: 'Đã xây dựng dự thảo' });
    expect(p.assignments.find((a) => a.role === 'lead')?.progress).toBe(60);
    const coPart = await call(t, c.chuyenvien2, 'POST', `/api/incoming/${docId}/complete`, { result: 'Đã góp ý' });
    expect(coPart.statusCode).toBe(200); // a co-handler finishes their own part; the document stays open
    expect(coPart.json().status).toBe('in_progress');
    const d = await act(t, c.chuyenvien1, docId, 'complete', {
      result: 'Đã tham mưu ban hành kế hoạch',
      replyCode: '45/KH-PGDĐT',
    });
    expect(d.status).toBe('done');
    expect(d.replyCode).toBe('45/KH-PGDĐT');
    expect(d.trail.map((s) => s.action)).toEqual([
      'register',
      'present',
      'direct',
      'ask-opinion',
      'opinion',
      'progress',
      'complete',
      'complete',
    ]);
    const again = await call(t, c.chuyenvien1, 'POST', `/api/incoming/${docId}/complete`, { result: 'lần nữa' });
    expect(again.statusCode).toBe(409);
    const audit = await auditOf(t, docId);
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['incoming.register', 'incoming.present', 'incoming.direct', 'incoming.complete']),
    );
  });

  it('prints the processing slip as a PDF', async () => {
    const res = await call(t, c.truongphong, 'GET', `/api/incoming/${docId}/slip.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('re-assignment inside a unit', () => {
  it('a school head passes the lead to a teacher; the teacher finishing closes both parts', async () => {
    const created = await registerIncoming(t, c.vanthu, { codeNumber: '300', recipientIds: [id.truongphong] });
    const docId = created.document.id;
    await act(t, c.truongphong, docId, 'direct', {
      direction: 'Giao Trường Tiểu học An Minh thực hiện.',
      handlers: [{ userId: id['th.hieutruong'], role: 'lead', dueDate: '2099-01-20' }],
    });
    const outside = await call(t, c['th.hieutruong'], 'POST', `/api/incoming/${docId}/reassign`, {
      handlers: [{ userId: id.chuyenvien1, role: 'lead' }],
    });
    expect(outside.statusCode).toBe(400);
    const d = await act(t, c['th.hieutruong'], docId, 'reassign', {
      handlers: [{ userId: id['th.gv1'], role: 'lead', dueDate: '2099-01-15' }],
      comment: 'Giao đồng chí Tâm thực hiện',
    });
    const head = d.assignments.find((a) => a.person.id === id['th.hieutruong']);
    expect(head?.state).toBe('delegated');
    const teacher = d.assignments.find((a) => a.person.id === id['th.gv1']);
    expect(teacher?.parentId).toBe(head?.id);
    const done = await act(t, c['th.gv1'], docId, 'complete', { result: 'Đã thực hiện' });
    expect(done.status).toBe('done');
    expect(done.assignments.find((a) => a.id === head?.id)?.state).toBe('done');
  });
});

describe('classify: forward, return, cancel', () => {
  it('forwards to a unit: its leaders are asked to direct it, and see it although it is another unit', async () => {
    const created = await registerIncoming(t, c.vanthu, { codeNumber: '301' });
    expect(created.document.status).toBe('new');
    const classify = (await call(t, c.vanthu, 'GET', '/api/incoming/box/classify')).json();
    expect(classify.items.map((r: { id: string }) => r.id)).toContain(created.document.id);
    const units = await t.db.rows<{ id: string }>(sql`SELECT id FROM units WHERE code = 'THAM'`);
    const d = await act(t, c.vanthu, created.document.id, 'forward', {
      unitIds: [units[0].id],
      comment: 'Chuyển trường',
    });
    expect(d.status).toBe('presented');
    const box = (await call(t, c['th.hieutruong'], 'GET', '/api/incoming/box/direct')).json();
    expect(box.items.map((r: { id: string }) => r.id)).toContain(created.document.id);
    expect((await call(t, c['th.hieutruong'], 'GET', `/api/incoming/${created.document.id}`)).statusCode).toBe(200);
    expect((await call(t, c['th.gv1'], 'GET', `/api/incoming/${created.document.id}`)).statusCode).toBe(404);
  });

  it('returns a wrongly addressed document with the reason', async () => {
    const created = await registerIncoming(t, c.vanthu, { codeNumber: '302' });
    const empty = await call(t, c.vanthu, 'POST', `/api/incoming/${created.document.id}/return`, { reason: '  ' });
    expect(empty.statusCode).toBe(400);
    const d = await act(t, c.vanthu, created.document.id, 'return', { reason: 'Gửi nhầm đơn vị' });
    expect(d).toMatchObject({ status: 'returned', returnReason: 'Gửi nhầm đơn vị' });
    const twice = await call(t, c.vanthu, 'POST', `/api/incoming/${created.document.id}/return`, { reason: 'x' });
    expect(twice.statusCode).toBe(409);
  });

  it('cancels a wrongly registered document: it keeps its number and the next number follows', async () => {
    const a = await registerIncoming(t, c.vanthu, { codeNumber: '303' });
    const cancelled = await act(t, c.vanthu, a.document.id, 'cancel', { reason: 'Vào sổ nhầm' });
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Vào sổ nhầm',
      arrivalNumber: a.document.arrivalNumber,
    });
    const b = await registerIncoming(t, c.vanthu, { codeNumber: '304' });
    expect(b.document.arrivalNumber).toBe(a.document.arrivalNumber + 1);
    const notClerk = await call(t, c.chuyenvien1, 'POST', `/api/incoming/${b.document.id}/cancel`, { reason: 'x' });
    expect(notClerk.statusCode).toBe(404);
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TInboxDetail, TInboxItem, TOutgoingDetail } from '../../../contracts/outgoing';
import { samplePdf } from '../../platform/files/files.fixtures';
import { auditOf, call } from '../../test/api-helpers';
import { createTestApp, type TestApp } from '../../test/harness';
import { parseEdxml } from '../exchange/edxml';
import { act, typeId, upload, userId } from '../incoming/incoming.test-helpers';
import { draft, step, unitId } from './outgoing.test-helpers';

let t: TestApp;
const c: Record<string, string> = {};
const id: Record<string, string> = {};
const unit: Record<string, string> = {};

const USERS = [
  'admin',
  'vanthu',
  'truongphong',
  'photruongphong',
  'chuyenvien1',
  'chuyenvien2',
  'th.vanthu',
  'th.hieutruong',
  'th.gv1',
  'mn.vanthu',
];

beforeAll(async () => {
  t = await createTestApp();
  for (const u of USERS) {
    c[u] = await t.login(u);
    id[u] = await userId(t, u);
  }
  for (const code of ['PGDDT', 'THAM', 'MNAM', 'THCSAM']) unit[code] = await unitId(t, code);
});
afterAll(() => t.close());

/** The fields an error answer names. */
const fieldsOf = (res: { json(): { error: { fields?: { path: string }[] } } }) =>
  (res.json().error.fields ?? []).map((f) => f.path);

const statusOf = (doc: TOutgoingDetail, unitIdValue: string) =>
  doc.deliveries.find((d) => d.unitId === unitIdValue)?.status;

describe('outgoing: draft → review (return, re-submit) → sign → issue → send → receipts', () => {
  let docId = '';
  let issued: TOutgoingDetail;

  it('drafts with recipients; submitting without a flow asks for a signer', async () => {
    const doc = await draft(t, c.chuyenvien1, {
      recipients: [
        { kind: 'unit', unitId: unit.THAM },
        { kind: 'unit', unitId: unit.MNAM },
        { kind: 'organ', name: 'Sở Giáo dục và Đào tạo tỉnh Kiên Giang', email: 'sgddt@example.vn' },
      ],
      recipientsText: 'Như trên; Lưu: VT.',
    });
    docId = doc.id;
    expect(doc.status).toBe('draft');
    expect(doc.versions).toHaveLength(1);
    expect(doc.deliveries.map((d) => d.status)).toEqual(['pending', 'pending', 'pending']);
    expect(doc.abilities).toMatchObject({ submit: true, submitNeedsSigner: true, issue: false });
    const res = await call(t, c.chuyenvien1, 'POST', `/api/outgoing/${docId}/submit`, {});
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toContain('body.signerId');
    // A school's head is not a signer of the PGDĐT.
    const wrong = await call(t, c.chuyenvien1, 'POST', `/api/outgoing/${docId}/submit`, {
      signerId: id['th.hieutruong'],
    });
    expect(wrong.statusCode).toBe(400);
  });

  it('the signer returns it with comments; the drafter adds a version and re-submits', async () => {
    const submitted = await step(t, c.chuyenvien1, docId, 'submit', {
      signerId: id.truongphong,
      comment: 'Kính trình',
    });
    expect(submitted.status).toBe('in_review');
    const box = (await call(t, c.truongphong, 'GET', '/api/outgoing/box/review')).json();
    expect(box.items.map((r: { id: string }) => r.id)).toContain(docId);
    // Someone not on the path can neither see nor approve it.
    expect((await call(t, c.chuyenvien2, 'GET', `/api/outgoing/${docId}`)).statusCode).toBe(404);
    expect((await call(t, c.photruongphong, 'POST', `/api/outgoing/${docId}/approve`, {})).statusCode).toBe(404);
    const empty = await call(t, c.truongphong, 'POST', `/api/outgoing/${docId}/return`, { reason: '  ' });
    expect(empty.statusCode).toBe(400);
    const returned = await step(t, c.truongphong, docId, 'return', { reason: 'Sửa lại căn cứ pháp lý' });
    expect(returned.status).toBe('returned');
    expect(returned.reviews[0]).toMatchObject({ state: 'returned', comment: 'Sửa lại căn cứ pháp lý' });
    const mine = await call(t, c.chuyenvien1, 'GET', `/api/outgoing/${docId}`);
    expect(mine.json().abilities.submit).toBe(true);
    const file = await upload(t, c.chuyenvien1, 'du-thao-v2.pdf', samplePdf('v2'));
    const v2 = await step(t, c.chuyenvien1, docId, 'versions', { fileIds: [file.body.id], note: 'Đã sửa căn cứ' });
    expect(v2.versions.map((v) => v.number)).toEqual([1, 2]);
    expect(v2.files.map((f) => f.name)).toEqual(['du-thao-v2.pdf']);
    const again = await step(t, c.chuyenvien1, docId, 'submit', {});
    expect(again.status).toBe('in_review');
    expect(again.reviews.map((r) => r.state)).toEqual(['pending']);
  });

  it('the signer signs; the clerk sees it waiting and issues NN/QĐ-PGDĐT, sending it', async () => {
    const signed = await step(t, c.truongphong, docId, 'approve', { comment: 'Đồng ý' });
    expect(signed.status).toBe('signed');
    expect(signed.signerName).toBe('Huỳnh Văn Tiến');
    expect(signed.signerPosition).toBe('Trưởng phòng');
    const toIssue = (await call(t, c.vanthu, 'GET', '/api/outgoing/box/toIssue')).json();
    expect(toIssue.items.map((r: { id: string }) => r.id)).toContain(docId);
    const form = (await call(t, c.vanthu, 'GET', '/api/outgoing/form')).json();
    issued = await step(t, c.vanthu, docId, 'issue', { send: true });
    expect(issued.status).toBe('issued');
    // Everything went out: nothing left to send.
    expect(issued.abilities).toMatchObject({ send: false, recall: true, replace: true });
    expect((await call(t, c.vanthu, 'POST', `/api/outgoing/${docId}/send`)).statusCode).toBe(409);
    expect(issued.codeNumber).toBe(form.nextNumber);
    expect(issued.code).toBe(`${String(form.nextNumber).padStart(2, '0')}/QĐ-PGDĐT`);
    expect(issued.registerName).toMatch(/^Sổ đăng ký văn bản đi năm \d{4}$/);
    expect(statusOf(issued, unit.THAM)).toBe('arrived');
    expect(statusOf(issued, unit.MNAM)).toBe('arrived');
    const organ = issued.deliveries.find((d) => d.kind === 'organ');
    expect(organ?.sentAt).not.toBeNull();
    const mail = await t.db.rows<{ id: string; address: string }>(sql`
      SELECT id, address FROM outbox_messages WHERE channel = 'email' AND address = 'sgddt@example.vn'`);
    expect(mail).toHaveLength(1);
    const attached = await t.db.rows(
      sql`SELECT 1 FROM attachments WHERE owner_type = 'outbox-email' AND owner_id = ${mail[0].id}::uuid`,
    );
    expect(attached).toHaveLength(1);
    expect((await auditOf(t, docId)).map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'outgoing.draft',
        'outgoing.submit',
        'outgoing.return',
        'outgoing.sign',
        'outgoing.issue',
        'outgoing.send',
      ]),
    );
    // The issued document's files are frozen: no one may add a version any more.
    const late = await upload(t, c.chuyenvien1, 'muon.pdf', samplePdf('late'));
    expect(
      (await call(t, c.chuyenvien1, 'POST', `/api/outgoing/${docId}/versions`, { fileIds: [late.body.id] })).statusCode,
    ).toBe(409);
  });

  it('the school clerk finds it in the inbox and registers it; the sender sees registered / arrived', async () => {
    const inbox: TInboxItem[] = (await call(t, c['th.vanthu'], 'GET', '/api/exchange/inbox')).json();
    const item = inbox.find((i) => i.outgoingId === docId);
    expect(item).toMatchObject({
      senderUnit: 'Phòng Giáo dục và Đào tạo huyện An Minh',
      code: issued.code,
      fileCount: 1,
    });
    // Another school's clerk cannot open this delivery.
    expect((await call(t, c['mn.vanthu'], 'GET', `/api/exchange/inbox/${item?.deliveryId}`)).statusCode).toBe(404);
    const detail: TInboxDetail = (
      await call(t, c['th.vanthu'], 'GET', `/api/exchange/inbox/${item?.deliveryId}`)
    ).json();
    expect(detail.files).toHaveLength(1);
    const res = await call(t, c['th.vanthu'], 'POST', '/api/incoming', {
      issuingOrganName: detail.senderUnit,
      documentTypeId: detail.documentTypeId,
      codeNumber: detail.codeNumber,
      codeNotation: detail.codeNotation,
      issuedDate: detail.issuedDate,
      signer: detail.signer,
      subject: detail.subject,
      deliveryId: detail.deliveryId,
      recipientIds: [id['th.hieutruong']],
    });
    expect(res.statusCode).toBe(201);
    const incoming = res.json().document;
    expect(incoming.files.map((f: { name: string }) => f.name)).toEqual(['du-thao-v2.pdf']);
    // Registered once only.
    const twice = await call(t, c['th.vanthu'], 'POST', '/api/incoming', {
      issuingOrganName: detail.senderUnit,
      documentTypeId: detail.documentTypeId,
      subject: detail.subject,
      deliveryId: detail.deliveryId,
    });
    expect(twice.statusCode).toBe(409);
    const sender: TOutgoingDetail = (await call(t, c.vanthu, 'GET', `/api/outgoing/${docId}`)).json();
    expect(statusOf(sender, unit.THAM)).toBe('registered');
    expect(statusOf(sender, unit.MNAM)).toBe('arrived');

    // As the school works on it, the statuses come back: assigned, then done.
    await act(t, c['th.hieutruong'], incoming.id, 'direct', {
      direction: 'Giao cô Liên xử lý',
      handlers: [{ userId: id['th.gv1'], role: 'lead' }],
    });
    let s: TOutgoingDetail = (await call(t, c.vanthu, 'GET', `/api/outgoing/${docId}`)).json();
    expect(statusOf(s, unit.THAM)).toBe('assigned');
    await act(t, c['th.gv1'], incoming.id, 'complete', { result: 'Đã triển khai' });
    s = (await call(t, c.vanthu, 'GET', `/api/outgoing/${docId}`)).json();
    const tham = s.deliveries.find((d) => d.unitId === unit.THAM);
    expect(tham?.status).toBe('done');
    expect(tham?.events.map((e) => e.code)).toEqual(['01', '03', '04', '06']);
  });

  it('lists documents whose recipients have not registered after N days', async () => {
    const now = (await call(t, c.vanthu, 'GET', '/api/outgoing/box/tracking?days=0')).json();
    expect(now.items.map((r: { id: string }) => r.id)).toContain(docId);
    const later = (await call(t, c.vanthu, 'GET', '/api/outgoing/box/tracking?days=3')).json();
    expect(later.items.map((r: { id: string }) => r.id)).not.toContain(docId);
  });

  it('writes an edXML package that reads back with the same code, subject and file', async () => {
    const organ = issued.deliveries.find((d) => d.kind === 'organ');
    const res = await call(t, c.vanthu, 'GET', `/api/outgoing/${docId}/edxml?deliveryId=${organ?.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('http://www.mic.gov.vn/TBT/QCVN_102_2016');
    const parsed = parseEdxml(res.body);
    expect(parsed.codeNumber).toBe(String(issued.codeNumber));
    expect(parsed.codeNotation).toBe('QĐ-PGDĐT');
    expect(parsed.subject).toBe(issued.subject);
    expect(parsed.signer.fullName).toBe('Huỳnh Văn Tiến');
    expect(parsed.from.organName).toBe('Phòng Giáo dục và Đào tạo huyện An Minh');
    expect(parsed.files).toHaveLength(1);
    expect(parsed.files[0].data.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('recalls it: the school that has not registered confirms, the registered one is cancelled on confirmation', async () => {
    const recalled = await step(t, c.vanthu, docId, 'recall', { reason: 'Sai sót về thời hạn' });
    expect(recalled.status).toBe('recalled');
    expect(recalled.abilities).toMatchObject({ recall: false, replace: true });
    const mnInbox: TInboxItem[] = (await call(t, c['mn.vanthu'], 'GET', '/api/exchange/inbox')).json();
    const mn = mnInbox.find((i) => i.outgoingId === docId);
    expect(mn).toMatchObject({ recallState: 'requested', recallReason: 'Sai sót về thời hạn' });
    const confirm = await call(t, c['mn.vanthu'], 'POST', `/api/exchange/inbox/${mn?.deliveryId}/confirm-recall`);
    expect(confirm.statusCode).toBe(204);
    const thInbox: TInboxItem[] = (await call(t, c['th.vanthu'], 'GET', '/api/exchange/inbox')).json();
    const th = thInbox.find((i) => i.outgoingId === docId);
    expect(th?.recallState).toBe('requested');
    await call(t, c['th.vanthu'], 'POST', `/api/exchange/inbox/${th?.deliveryId}/confirm-recall`);
    const inc = await t.db.rows<{ status: string }>(sql`
      SELECT status FROM incoming_documents WHERE id = ${th?.incomingId}::uuid`);
    expect(inc[0].status).toBe('cancelled');
    const after = (await call(t, c['mn.vanthu'], 'GET', '/api/exchange/inbox')).json() as TInboxItem[];
    expect(after.find((i) => i.outgoingId === docId)).toBeUndefined();
  });
});

describe('approval flows designed per unit and type', () => {
  it('runs two steps, the second co-signed by all, then signs', async () => {
    const bad = await call(t, c.chuyenvien1, 'POST', '/api/outgoing/flows', {
      unitId: unit.PGDDT,
      documentTypeId: null,
      name: 'x',
      steps: [{ label: 'x', approvers: [{ kind: 'user', refId: id.truongphong }] }],
    });
    expect(bad.statusCode).toBe(403);
    const tt = await typeId(t, 'Tờ trình');
    const flow = await call(t, c.admin, 'POST', '/api/outgoing/flows', {
      unitId: unit.PGDDT,
      documentTypeId: tt,
      name: 'Tờ trình của Phòng',
      steps: [
        { label: 'Phó phòng xem xét', mode: 'any', approvers: [{ kind: 'user', refId: id.photruongphong }] },
        {
          label: 'Lãnh đạo cùng ký',
          mode: 'all',
          approvers: [
            { kind: 'user', refId: id.truongphong },
            { kind: 'user', refId: id.photruongphong },
          ],
        },
      ],
    });
    expect(flow.statusCode).toBe(201);
    expect(flow.json().steps[1].approvers.map((a: { name: string }) => a.name)).toEqual([
      'Huỳnh Văn Tiến',
      'Trần Minh Quang',
    ]);
    const unknown = await call(t, c.admin, 'POST', '/api/outgoing/flows', {
      unitId: unit.PGDDT,
      documentTypeId: tt,
      name: 'Sai',
      steps: [{ label: 'x', approvers: [{ kind: 'group', refId: id.truongphong }] }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(fieldsOf(unknown)).toContain('body.steps.0.approvers.0.refId');

    const doc = await draft(t, c.chuyenvien2, { documentTypeId: tt, subject: 'Tờ trình mua sắm thiết bị dạy học' });
    expect(doc.abilities.submitNeedsSigner).toBe(false);
    const s1 = await step(t, c.chuyenvien2, doc.id, 'submit', {});
    expect(s1.steps.map((s) => s.label)).toEqual(['Phó phòng xem xét', 'Lãnh đạo cùng ký']);
    const s2 = await step(t, c.photruongphong, doc.id, 'approve', {});
    expect(s2).toMatchObject({ status: 'in_review', currentStep: 1 });
    const s3 = await step(t, c.truongphong, doc.id, 'approve', {});
    expect(s3.status).toBe('in_review');
    const s4 = await step(t, c.photruongphong, doc.id, 'approve', {});
    expect(s4.status).toBe('signed');
    expect(s4.reviews.filter((r) => r.stepIndex === 1).map((r) => r.state)).toEqual(['approved', 'approved']);
  });
});

describe('numbering and notation', () => {
  it('numbers concurrent issues consecutively; a Công văn has no type abbreviation; secret documents have their own register', async () => {
    const cv = await typeId(t, 'Công văn');
    const docs = await Promise.all(
      [1, 2, 3, 4].map(() =>
        draft(t, c.vanthu, { documentTypeId: cv, draftingCode: 'tccb', subject: 'Về việc báo cáo số liệu' }),
      ),
    );
    const before = (await call(t, c.vanthu, 'GET', '/api/outgoing/form')).json();
    const issued = await Promise.all(
      docs.map((d) =>
        step(t, c.vanthu, d.id, 'issue', { signerName: 'Huỳnh Văn Tiến', signerPosition: 'Trưởng phòng' }),
      ),
    );
    const numbers = issued.map((d) => d.codeNumber as number).sort((a, b) => a - b);
    expect(numbers).toEqual([0, 1, 2, 3].map((i) => before.nextNumber + i));
    expect(issued[0].codeNotation).toBe('PGDĐT-TCCB');
    expect(issued.every((d) => d.code === `${String(d.codeNumber).padStart(2, '0')}/PGDĐT-TCCB`)).toBe(true);
    const secret = await draft(t, c.vanthu, { confidentialityCode: 'mat', subject: 'Về công tác bảo vệ bí mật' });
    const s = await step(t, c.vanthu, secret.id, 'issue', { signerName: 'Huỳnh Văn Tiến' });
    expect(s.codeNumber).toBe(before.nextSecretNumber);
    expect(s.registerName).toMatch(/\(mật\)$/);
  });

  it('refuses bad input and keeps nothing', async () => {
    const n = async () => (await t.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM outgoing_documents`))[0].n;
    const before = await n();
    const cases: [unknown, string][] = [
      [{ subject: 'x' }, 'body.documentTypeId'],
      [{ documentTypeId: await typeId(t), subject: '' }, 'body.subject'],
      [{ documentTypeId: id.vanthu, subject: 'x' }, 'body.documentTypeId'],
      [
        { documentTypeId: await typeId(t), subject: 'x', recipients: [{ kind: 'unit', unitId: unit.PGDDT }] },
        'body.recipients',
      ],
      [{ documentTypeId: await typeId(t), subject: 'x', infoUserIds: [id['th.gv1']] }, 'body.infoUserIds'],
      [
        {
          documentTypeId: await typeId(t),
          subject: 'x',
          recipients: [{ kind: 'organ', name: 'Sở', email: 'khong-phai-email' }],
        },
        'body.recipients.0.email',
      ],
    ];
    for (const [body, field] of cases) {
      const res = await call(t, c.chuyenvien1, 'POST', '/api/outgoing', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(fieldsOf(res)).toContain(field);
    }
    const doc = await draft(t, c.vanthu, { subject: 'Ngày phát hành sai' });
    const future = await call(t, c.vanthu, 'POST', `/api/outgoing/${doc.id}/issue`, {
      issuedDate: '2099-01-01',
      signerName: 'A',
    });
    expect(future.statusCode).toBe(400);
    expect(fieldsOf(future)).toContain('body.issuedDate');
    const after = (await call(t, c.vanthu, 'GET', `/api/outgoing/${doc.id}`)).json();
    expect(after.status).toBe('draft');
    expect(after.codeNumber).toBeNull();
    expect(await n()).toBe(before + 1);
  });
});

describe('visibility', () => {
  it('a confidential issued document is seen by the people given it, not by the rest of the unit; other units never', async () => {
    const doc = await draft(t, c.vanthu, {
      confidentialityCode: 'mat',
      subject: 'Danh sách cán bộ diện quy hoạch',
      infoUserIds: [id.chuyenvien1],
    });
    await step(t, c.vanthu, doc.id, 'issue', { signerName: 'Huỳnh Văn Tiến' });
    const open = await draft(t, c.vanthu, {
      subject: 'Thông báo lịch họp giao ban tháng 12',
      infoUserIds: [id.chuyenvien2],
    });
    await step(t, c.vanthu, open.id, 'issue', { signerName: 'Huỳnh Văn Tiến' });
    expect((await call(t, c.chuyenvien1, 'GET', `/api/outgoing/${doc.id}`)).statusCode).toBe(200);
    expect((await call(t, c.chuyenvien2, 'GET', `/api/outgoing/${doc.id}`)).statusCode).toBe(404);
    expect((await call(t, c.chuyenvien2, 'GET', `/api/outgoing/${open.id}`)).statusCode).toBe(200);
    expect((await call(t, c['th.vanthu'], 'GET', `/api/outgoing/${open.id}`)).statusCode).toBe(404);
    const search = (await call(t, c.chuyenvien2, 'GET', '/api/outgoing?q=danh sach can bo')).json();
    expect(search.total).toBe(0);
    const found = (await call(t, c.chuyenvien2, 'GET', '/api/outgoing?q=thong bao lich hop')).json();
    expect(found.items.map((r: { id: string }) => r.id)).toContain(open.id);
    const school = (await call(t, c['th.hieutruong'], 'GET', '/api/outgoing?q=thong bao lich hop')).json();
    expect(school.total).toBe(0);
    // The unread badge for the person given it, cleared by opening it.
    expect((await t.app.platform.badges.forUser(id.chuyenvien2)).unreadOutgoing).toBeGreaterThanOrEqual(0);
    const infoBox = (await call(t, c.chuyenvien1, 'GET', '/api/outgoing/box/info')).json();
    expect(infoBox.items.find((r: { id: string }) => r.id === doc.id)?.unread).toBe(false);
  });

  it('counts "Văn bản đi chưa xem" and clears it when opened', async () => {
    const doc = await draft(t, c.vanthu, { subject: 'Kế hoạch kiểm tra nội bộ', infoUserIds: [id.photruongphong] });
    const before = (await t.app.platform.badges.forUser(id.photruongphong)).unreadOutgoing;
    await step(t, c.vanthu, doc.id, 'issue', { signerName: 'Huỳnh Văn Tiến' });
    expect((await t.app.platform.badges.forUser(id.photruongphong)).unreadOutgoing).toBe(before + 1);
    await call(t, c.photruongphong, 'GET', `/api/outgoing/${doc.id}`);
    expect((await t.app.platform.badges.forUser(id.photruongphong)).unreadOutgoing).toBe(before);
  });
});

describe('replies and replacements', () => {
  it('a reply drafted from an incoming document is linked and, once issued, closes the handler part', async () => {
    const inc = await call(t, c.vanthu, 'POST', '/api/incoming', {
      issuingOrganName: 'Sở Giáo dục và Đào tạo tỉnh Kiên Giang',
      documentTypeId: await typeId(t, 'Công văn'),
      codeNumber: '88',
      codeNotation: 'SGDĐT-KHTC',
      subject: 'Về việc báo cáo tình hình cơ sở vật chất',
    });
    const incId = inc.json().document.id;
    await act(t, c.vanthu, incId, 'forward', { userIds: [id.chuyenvien1], role: 'lead' });
    const notHandler = await call(t, c.chuyenvien2, 'POST', '/api/outgoing', {
      documentTypeId: await typeId(t, 'Công văn'),
      subject: 'Báo cáo',
      replyToIncomingId: incId,
    });
    expect(notHandler.statusCode).toBe(400);
    const reply = await draft(t, c.chuyenvien1, {
      documentTypeId: await typeId(t, 'Báo cáo'),
      subject: 'Báo cáo tình hình cơ sở vật chất năm học 2026-2027',
      replyToIncomingId: incId,
    });
    expect(reply.replyToIncoming?.id).toBe(incId);
    const links = await t.db.rows(
      sql`SELECT relation FROM document_links WHERE from_id = ${reply.id}::uuid AND to_id = ${incId}::uuid`,
    );
    expect(links).toEqual([{ relation: 'replies_to' }]);
    await step(t, c.chuyenvien1, reply.id, 'submit', { signerId: id.truongphong });
    await step(t, c.truongphong, reply.id, 'approve', {});
    const issued = await step(t, c.vanthu, reply.id, 'issue', {});
    const after = (await call(t, c.vanthu, 'GET', `/api/incoming/${incId}`)).json();
    expect(after.status).toBe('done');
    expect(after.replyCode).toBe(issued.code);
    expect(after.result).toBe(`Đã trả lời bằng văn bản số ${issued.code}`);
  });

  it('a replacement starts from the original and marks it replaced when issued', async () => {
    const doc = await draft(t, c.vanthu, {
      subject: 'Quyết định thành lập đoàn kiểm tra',
      recipients: [{ kind: 'unit', unitId: unit.THCSAM }],
    });
    const original = await step(t, c.vanthu, doc.id, 'issue', { signerName: 'Huỳnh Văn Tiến' });
    const res = await call(t, c.vanthu, 'POST', `/api/outgoing/${doc.id}/replace`);
    expect(res.statusCode).toBe(201);
    const draftNew: TOutgoingDetail = res.json();
    expect(draftNew).toMatchObject({ status: 'draft', replaces: { id: doc.id, code: original.code } });
    expect(draftNew.files).toHaveLength(1);
    const replaced = await step(t, c.vanthu, draftNew.id, 'issue', { signerName: 'Huỳnh Văn Tiến' });
    expect(replaced.deliveries[0].status).toBe('arrived');
    const old = (await call(t, c.vanthu, 'GET', `/api/outgoing/${doc.id}`)).json();
    expect(old.replacedBy).toMatchObject({ id: draftNew.id, code: replaced.code });
    expect(old.abilities.replace).toBe(false);
    const inbox: TInboxItem[] = (
      await t.login('thcs.vanthu').then((ck) => call(t, ck, 'GET', '/api/exchange/inbox'))
    ).json();
    expect(inbox.find((i) => i.outgoingId === draftNew.id)?.business).toBe('replace');
  });

  it('a refused delivery goes back to the sender with the reason', async () => {
    const doc = await draft(t, c.vanthu, {
      subject: 'Gửi nhầm đơn vị',
      recipients: [{ kind: 'unit', unitId: unit.MNAM }],
    });
    const issued = await step(t, c.vanthu, doc.id, 'issue', { signerName: 'Huỳnh Văn Tiến' });
    const inbox: TInboxItem[] = (await call(t, c['mn.vanthu'], 'GET', '/api/exchange/inbox')).json();
    const item = inbox.find((i) => i.outgoingId === issued.id);
    expect(
      (await call(t, c['mn.vanthu'], 'POST', `/api/exchange/inbox/${item?.deliveryId}/refuse`, { reason: '' }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await call(t, c['mn.vanthu'], 'POST', `/api/exchange/inbox/${item?.deliveryId}/refuse`, {
          reason: 'Không thuộc thẩm quyền',
        })
      ).statusCode,
    ).toBe(204);
    const s = (await call(t, c.vanthu, 'GET', `/api/outgoing/${doc.id}`)).json() as TOutgoingDetail;
    expect(s.deliveries[0]).toMatchObject({ status: 'refused', statusNote: 'Không thuộc thẩm quyền' });
  });
});

describe('edXML from outside organs', () => {
  it('reads a package for the incoming entry form and stores its files as the clerk uploads', async () => {
    const pkg = (await call(t, c.vanthu, 'GET', '/api/outgoing?q=ke hoach kiem tra noi bo')).json();
    const docId = pkg.items[0].id;
    const xml = (await call(t, c.vanthu, 'GET', `/api/outgoing/${docId}/edxml`)).body;
    const send = (content: Buffer, name: string) => {
      const boundary = '----edxml';
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/xml\r\n\r\n`,
        ),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return t.app.inject({
        method: 'POST',
        url: '/api/exchange/edxml',
        headers: { cookie: c['th.vanthu'], 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload,
      });
    };
    const res = await send(Buffer.from(xml), 'goi.xml');
    expect(res.statusCode).toBe(200);
    const got = res.json();
    expect(got).toMatchObject({
      issuingOrganName: 'Phòng Giáo dục và Đào tạo huyện An Minh',
      codeNotation: 'QĐ-PGDĐT',
      subject: 'Kế hoạch kiểm tra nội bộ',
      documentTypeName: 'Quyết định',
      documentTypeId: await typeId(t, 'Quyết định'),
    });
    expect(got.files).toHaveLength(1);
    const reg = await call(t, c['th.vanthu'], 'POST', '/api/incoming', {
      issuingOrganName: got.issuingOrganName,
      documentTypeId: got.documentTypeId,
      codeNumber: got.codeNumber,
      codeNotation: got.codeNotation,
      subject: got.subject,
      fileIds: got.files.map((f: { id: string }) => f.id),
    });
    expect(reg.statusCode).toBe(201);
    const bad = await send(Buffer.from('<html>không phải edXML</html>'), 'sai.xml');
    expect(bad.statusCode).toBe(400);
    expect((await call(t, c.chuyenvien1, 'GET', '/api/exchange/inbox')).statusCode).toBe(403);
  });
});

describe('bad queries and parameters', () => {
  it('answers 400 naming what was wrong, on every kind of outgoing and exchange route', async () => {
    const cases: [string, string][] = [
      ['/api/outgoing/box/khong-co', 'params.box'],
      ['/api/outgoing?from=2026-12-01&to=2026-11-01', 'querystring.to'],
      ['/api/outgoing?pageSize=1000', 'querystring.pageSize'],
      ['/api/outgoing/khong-phai-id', 'params.id'],
      ['/api/outgoing/flows?unitId=x', 'querystring.unitId'],
      [`/api/outgoing/${unit.PGDDT}/edxml?deliveryId=x`, 'querystring.deliveryId'],
      ['/api/exchange/inbox/khong-phai-id', 'params.deliveryId'],
    ];
    for (const [url, field] of cases) {
      const res = await call(t, c.vanthu, 'GET', url);
      expect(res.statusCode, url).toBe(400);
      expect(fieldsOf(res), url).toContain(field);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/outgoing/box/drafts' })).statusCode).toBe(401);
  });
});

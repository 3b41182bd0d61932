import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TInternalCreate, TInternalDetail, TInternalPage, TNumbering } from '../../../contracts/internal';
import { ManualClock } from '../../platform/clock';
import { samplePdf } from '../../platform/files/files.fixtures';
import { auditOf, call, countRows } from '../../test/api-helpers';
import { createTestApp, type TestApp } from '../../test/harness';
import { typeId, upload, userId } from '../incoming/incoming.test-helpers';

let t: TestApp;
const c: Record<string, string> = {};
const id: Record<string, string> = {};
const types: Record<string, string> = {};
const USERS = ['th.hieutruong', 'th.vanthu', 'th.gv1', 'th.gv2', 'mn.hieutruong', 'mn.gv1', 'admin'];

beforeAll(async () => {
  // 10:00 on 25/11/2026 in Vietnam.
  t = await createTestApp({ clock: new ManualClock(new Date('2026-11-25T03:00:00Z')) });
  for (const u of USERS) {
    c[u] = await t.login(u);
    id[u] = await userId(t, u);
  }
  for (const name of ['Tờ trình', 'Thông báo', 'Kế hoạch', 'Công văn']) types[name] = await typeId(t, name);
});
afterAll(() => t.close());

const body = (over: Partial<TInternalCreate> = {}): TInternalCreate => ({
  documentTypeId: types['Tờ trình'],
  subject: 'Tờ trình mua sắm thiết bị dạy học lớp 1',
  content: 'Kính trình Hiệu trưởng xem xét, phê duyệt danh mục thiết bị.',
  signer: 'Huỳnh Văn Đức',
  recipientIds: [],
  ...over,
});
const create = (cookie: string, over: Partial<TInternalCreate> = {}) =>
  call(t, cookie, 'POST', '/api/internal', body(over));
async function created(cookie: string, over: Partial<TInternalCreate> = {}): Promise<TInternalDetail> {
  const res = await create(cookie, over);
  if (res.statusCode !== 201) throw new Error(`create: ${res.statusCode} ${res.body}`);
  return res.json();
}
const list = async (cookie: string, query: string) => {
  const res = await call(t, cookie, 'GET', `/api/internal?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TInternalPage;
};
const ids = (page: TInternalPage) => page.items.map((r) => r.id);
const lastNumber = async (typeName: string) => {
  const rows = await t.db.rows<{ n: number }>(sql`
    SELECT coalesce(max(r.last_number), 0)::int AS n FROM registers r JOIN units u ON u.id = r.unit_id
    WHERE u.code = 'THAM' AND r.kind = 'internal' AND r.document_type_id = ${types[typeName]}::uuid`);
  return Number(rows[0].n);
};

describe('Nhập và xem văn bản nội bộ', () => {
  it('sends a Tờ trình to a teacher; only the author, the recipient and the unit leader see it', async () => {
    const pdf = await upload(t, c['th.gv1'], 'to-trinh.pdf', samplePdf('to-trinh'));
    const doc = await created(c['th.gv1'], {
      subject: '  Tờ trình mua sắm thiết bị dạy học lớp 1 ',
      recipientIds: [id['th.gv2'], id['th.gv2'], id['th.gv1']],
      fileIds: [pdf.body.id],
    });
    expect(doc).toMatchObject({
      subject: 'Tờ trình mua sắm thiết bị dạy học lớp 1',
      documentType: 'Tờ trình',
      code: null,
      number: null,
      issuedDate: '2026-11-25',
      status: 'active',
      creatorName: 'Huỳnh Văn Đức',
      recipientCount: 1,
      abilities: { cancel: true },
    });
    expect(doc.recipients.map((r) => r.id)).toEqual([id['th.gv2']]);
    expect(doc.files.map((f) => f.name)).toEqual(['to-trinh.pdf']);

    // The recipient: in "Đã nhận", unread until opened; notified.
    const received = await list(c['th.gv2'], 'box=received');
    expect(received.items.find((r) => r.id === doc.id)).toMatchObject({ unread: true });
    const notes = await t.db.rows(sql`
      SELECT link FROM notifications WHERE user_id = ${id['th.gv2']}::uuid AND kind = 'internal.received'`);
    expect(notes.map((n) => n.link)).toEqual([`/app/internal-view?doc=${doc.id}`]);
    expect((await call(t, c['th.gv2'], 'GET', `/api/internal/${doc.id}`)).statusCode).toBe(200);
    expect((await call(t, c['th.gv2'], 'POST', `/api/internal/${doc.id}/seen`)).statusCode).toBe(200);
    const after = await list(c['th.gv2'], 'box=received');
    expect(after.items.find((r) => r.id === doc.id)).toMatchObject({ unread: false });
    const detail = (await call(t, c['th.gv2'], 'GET', `/api/internal/${doc.id}`)).json() as TInternalDetail;
    expect(detail.recipients[0].seenAt).not.toBeNull();
    expect(detail.abilities.cancel).toBe(false);
    const file = await call(t, c['th.gv2'], 'GET', `/api/internal/${doc.id}/files/${pdf.body.id}/content`);
    expect(file.statusCode).toBe(200);

    // The author: in "Đã tạo".
    expect(ids(await list(c['th.gv1'], 'box=created'))).toContain(doc.id);
    // The leader of the unit sees every internal document of the unit.
    expect(ids(await list(c['th.hieutruong'], 'box=all'))).toContain(doc.id);
    expect((await call(t, c['th.hieutruong'], 'GET', `/api/internal/${doc.id}`)).statusCode).toBe(200);
    // Another person of the unit, and any other unit (even its leader), learn nothing.
    for (const u of ['th.vanthu', 'mn.hieutruong', 'mn.gv1']) {
      expect(ids(await list(c[u], 'box=all'))).not.toContain(doc.id);
      expect((await call(t, c[u], 'GET', `/api/internal/${doc.id}`)).statusCode).toBe(404);
      expect((await call(t, c[u], 'POST', `/api/internal/${doc.id}/seen`)).statusCode).toBe(404);
      const f = await call(t, c[u], 'GET', `/api/internal/${doc.id}/files/${pdf.body.id}/content`);
      expect(f.statusCode).toBe(404);
    }
    expect((await auditOf(t, doc.id)).map((a) => a.action).sort()).toEqual(['file.attach', 'internal.create']);
  });

  it('refuses bad input with the field and writes nothing', async () => {
    const before = await countRows(t, 'internal_documents');
    const cases: [Partial<TInternalCreate> | Record<string, unknown>, string][] = [
      [{ subject: '   ' }, 'body.subject'],
      [{ subject: 'x'.repeat(501) }, 'body.subject'],
      [{ documentTypeId: 'not-a-uuid' }, 'body.documentTypeId'],
      [{ documentTypeId: '00000000-0000-4000-8000-000000000000' }, 'body.documentTypeId'],
      [{ recipientIds: [id['mn.gv1']] }, 'body.recipientIds'],
      [{ issuedDate: '2026-11-26' }, 'body.issuedDate'],
      [{ issuedDate: '25/11/2026' }, 'body.issuedDate'],
      [{ fileIds: ['00000000-0000-4000-8000-000000000000'] }, 'body.fileIds'],
      [{ unknown: 1 }, 'body'],
    ];
    for (const [over, field] of cases) {
      const res = await create(c['th.gv1'], over as Partial<TInternalCreate>);
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      const paths = [
        ...(res.json().error.fields ?? []).map((f: { path: string }) => f.path),
        res.json().error.details?.field,
      ];
      expect(
        paths.some((p: string | undefined) => p?.startsWith(field)),
        `${JSON.stringify(over)} ${res.body}`,
      ).toBe(true);
    }
    // The administrator holds no internal.create.
    expect((await create(c.admin)).statusCode).toBe(403);
    expect(await countRows(t, 'internal_documents')).toBe(before);
  });

  it('cancels with a reason: the author only, once; the document stays', async () => {
    const doc = await created(c['th.gv1'], { recipientIds: [id['th.gv2']] });
    expect((await call(t, c['th.gv2'], 'POST', `/api/internal/${doc.id}/cancel`, { reason: 'Nhầm' })).statusCode).toBe(
      403,
    );
    expect((await call(t, c['mn.gv1'], 'POST', `/api/internal/${doc.id}/cancel`, { reason: 'Nhầm' })).statusCode).toBe(
      404,
    );
    expect((await call(t, c['th.gv1'], 'POST', `/api/internal/${doc.id}/cancel`, { reason: ' ' })).statusCode).toBe(
      400,
    );
    const res = await call(t, c['th.gv1'], 'POST', `/api/internal/${doc.id}/cancel`, { reason: 'Gửi nhầm người nhận' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', cancelReason: 'Gửi nhầm người nhận' });
    const again = await call(t, c['th.gv1'], 'POST', `/api/internal/${doc.id}/cancel`, { reason: 'Lần nữa' });
    expect(again.statusCode).toBe(409);
    expect(ids(await list(c['th.gv1'], 'box=created&status=cancelled'))).toContain(doc.id);
  });
});

describe('Cấp số văn bản nội bộ theo loại', () => {
  it('lets only the clerk choose the numbered types', async () => {
    expect(
      (await call(t, c['th.gv1'], 'POST', '/api/internal/numbering', { documentTypeId: types['Tờ trình'] })).statusCode,
    ).toBe(403);
    const res = await call(t, c['th.vanthu'], 'POST', '/api/internal/numbering', { documentTypeId: types['Tờ trình'] });
    expect(res.statusCode, res.body).toBe(200);
    const numbering = res.json() as TNumbering;
    expect(numbering.canManage).toBe(true);
    expect(numbering.items).toEqual([
      expect.objectContaining({ name: 'Tờ trình', notation: 'TTr-THAM', lastNumber: 0, nextNumber: 1 }),
    ]);
    const dup = await call(t, c['th.vanthu'], 'POST', '/api/internal/numbering', { documentTypeId: types['Tờ trình'] });
    expect(dup.statusCode).toBe(409);
    const bad = await call(t, c['th.vanthu'], 'POST', '/api/internal/numbering', { documentTypeId: id['th.gv1'] });
    expect(bad.statusCode).toBe(400);
    for (const name of ['Thông báo', 'Công văn'])
      await call(t, c['th.vanthu'], 'POST', '/api/internal/numbering', { documentTypeId: types[name] });
    // A teacher sees the settings (and the form's preview) without managing them.
    const seen = (await call(t, c['th.gv1'], 'GET', '/api/internal/numbering')).json() as TNumbering;
    expect(seen.canManage).toBe(false);
    expect(seen.items.map((i) => i.notation).sort()).toEqual(['TB-THAM', 'THAM', 'TTr-THAM']);
    expect((await call(t, c['mn.gv1'], 'GET', '/api/internal/numbering')).json().items).toEqual([]);
    expect((await call(t, c.admin, 'GET', '/api/internal/numbering')).statusCode).toBe(403);
  });

  it('numbers each type in its own sequence per unit; other units and types have none', async () => {
    const a = await created(c['th.gv1']);
    const b = await created(c['th.hieutruong']);
    const tb = await created(c['th.gv1'], { documentTypeId: types['Thông báo'], subject: 'Thông báo lịch họp tổ' });
    const cv = await created(c['th.gv1'], { documentTypeId: types['Công văn'], subject: 'Công văn đề nghị cấp phấn' });
    const kh = await created(c['th.gv1'], { documentTypeId: types['Kế hoạch'], subject: 'Kế hoạch tháng 12' });
    const other = await created(c['mn.gv1']);
    expect([a.code, b.code, tb.code, cv.code, kh.code, other.code]).toEqual([
      '01/TTr-THAM',
      '02/TTr-THAM',
      '01/TB-THAM',
      '01/THAM',
      null,
      null,
    ]);
    expect(a).toMatchObject({ number: 1, year: 2026, codeNotation: 'TTr-THAM' });
    const form = (await call(t, c['th.gv1'], 'GET', '/api/internal/form')).json();
    expect(form.numbered.find((n: { name: string }) => n.name === 'Tờ trình')).toMatchObject({ nextNumber: 3 });
  });

  it('never repeats or skips when several people enter at the same moment, on two app instances', async () => {
    const second = await t.another();
    const start = await lastNumber('Tờ trình');
    const n = 12;
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        (i % 2 ? second : t.app).inject({
          method: 'POST',
          url: '/api/internal',
          headers: { cookie: i % 3 ? c['th.gv1'] : c['th.hieutruong'] },
          payload: body({ subject: `Tờ trình số ${i}` }),
        }),
      ),
    );
    for (const r of results) expect(r.statusCode, r.body).toBe(201);
    const numbers = results.map((r) => (r.json() as TInternalDetail).number as number).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: n }, (_, i) => start + 1 + i));
  });

  it('gives the number back when the entry fails, and refuses a numbered document dated last year', async () => {
    const start = await lastNumber('Tờ trình');
    const bad = await create(c['th.gv1'], { recipientIds: [id['mn.gv1']] });
    expect(bad.statusCode).toBe(400);
    const lastYear = await create(c['th.gv1'], { issuedDate: '2025-12-30' });
    expect(lastYear.statusCode).toBe(400);
    expect(lastYear.json().error.details?.field ?? lastYear.json().error.fields?.[0]?.path).toBe('body.issuedDate');
    expect(await lastNumber('Tờ trình')).toBe(start);
    const next = await created(c['th.gv1']);
    expect(next.number).toBe(start + 1);
    // An unnumbered type may be dated last year.
    const kh = await created(c['th.gv1'], { documentTypeId: types['Kế hoạch'], issuedDate: '2025-12-30' });
    expect(kh).toMatchObject({ year: 2025, number: null });
  });

  it('stops numbering a type and continues the same register when it is numbered again', async () => {
    const before = await lastNumber('Thông báo');
    expect((await call(t, c['th.gv1'], 'DELETE', `/api/internal/numbering/${types['Thông báo']}`)).statusCode).toBe(
      403,
    );
    const off = await call(t, c['th.vanthu'], 'DELETE', `/api/internal/numbering/${types['Thông báo']}`);
    expect(off.statusCode).toBe(200);
    expect((await call(t, c['th.vanthu'], 'DELETE', `/api/internal/numbering/${types['Thông báo']}`)).statusCode).toBe(
      404,
    );
    const plain = await created(c['th.gv1'], { documentTypeId: types['Thông báo'] });
    expect(plain.code).toBeNull();
    await call(t, c['th.vanthu'], 'POST', '/api/internal/numbering', { documentTypeId: types['Thông báo'] });
    const numbered = await created(c['th.gv1'], { documentTypeId: types['Thông báo'] });
    expect(numbered.number).toBe(before + 1);
  });
});

describe('Tìm văn bản nội bộ', () => {
  it('finds by subject without diacritics and by type, number, date range and creator', async () => {
    const doc = await created(c['th.hieutruong'], {
      subject: 'Đề nghị sửa chữa phòng học khối 5',
      documentTypeId: types['Tờ trình'],
      recipientIds: [id['th.gv1']],
      issuedDate: '2026-11-20',
    });
    const q = (query: string) => list(c['th.gv1'], `box=all&${query}`);
    expect(ids(await q('q=de nghi sua chua phong'))).toEqual([doc.id]);
    expect(ids(await q('q=DE NGHI SUA'))).toEqual([doc.id]);
    expect(ids(await q('q=khong co gi'))).toEqual([]);
    expect(ids(await q(`number=${doc.number}&year=2026&documentTypeId=${types['Tờ trình']}`))).toEqual([doc.id]);
    expect(ids(await q('from=2026-11-20&to=2026-11-20'))).toEqual([doc.id]);
    expect(ids(await q('from=2026-11-21&q=sua chua phong'))).toEqual([]);
    expect(ids(await q(`creatorId=${id['th.hieutruong']}&q=sua chua`))).toEqual([doc.id]);
    expect(ids(await q(`creatorId=${id['th.gv2']}&q=sua chua`))).toEqual([]);
    // Invisible to a teacher it was not sent to, whatever the search.
    expect(ids(await list(c['th.gv2'], 'box=all&q=de nghi sua chua'))).toEqual([]);
    const bad = await call(t, c['th.gv1'], 'GET', '/api/internal?box=nope');
    expect(bad.statusCode).toBe(400);
    expect((await call(t, c['th.gv1'], 'GET', '/api/internal?from=20/11/2026')).statusCode).toBe(400);
  });
});

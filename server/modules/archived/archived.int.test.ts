import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TArchivedCreate, TArchivedDetail, TArchivedPage, TFrequent } from '../../../contracts/archived';
import { samplePdf } from '../../platform/files/files.fixtures';
import { auditOf, call, countRows } from '../../test/api-helpers';
import { createTestApp, type TestApp } from '../../test/harness';
import { typeId, upload } from '../incoming/incoming.test-helpers';

let t: TestApp;
const c: Record<string, string> = {};
let thongTu: string;
let field: string;
const USERS = ['vanthu', 'chuyenvien1', 'mn.vanthu', 'mn.gv1', 'mn.hieutruong', 'th.vanthu', 'admin'];

beforeAll(async () => {
  t = await createTestApp();
  for (const u of USERS) c[u] = await t.login(u);
  thongTu = await typeId(t, 'Hướng dẫn');
  const rows = await t.db.rows<{ id: string }>(sql`
    SELECT id FROM catalog_entries WHERE catalog = 'field' AND code = 'giao-duc-mam-non'`);
  field = rows[0].id;
});
afterAll(() => t.close());

const body = (over: Partial<TArchivedCreate> = {}): TArchivedCreate => ({
  documentTypeId: thongTu,
  codeNumber: '1520',
  codeNotation: 'hd - sgdđt',
  issuedDate: '2026-09-05',
  issuingOrganName: 'Sở Giáo dục và Đào tạo tỉnh Kiên Giang',
  signer: 'Nguyễn Văn Bình',
  subject: 'Hướng dẫn thực hiện nhiệm vụ giáo dục mầm non năm học 2026-2027',
  fieldId: field,
  notes: 'Bản gốc lưu tại tủ hồ sơ số 2',
  ...over,
});
async function enter(cookie: string, over: Partial<TArchivedCreate> = {}): Promise<TArchivedDetail> {
  const res = await call(t, cookie, 'POST', '/api/archived', body(over));
  if (res.statusCode !== 201) throw new Error(`create: ${res.statusCode} ${res.body}`);
  return res.json();
}
const search = async (cookie: string, query = '') => {
  const res = await call(t, cookie, 'GET', `/api/archived?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TArchivedPage;
};
const ids = (page: { items: { id: string }[] }) => page.items.map((r) => r.id);
const frequent = async (cookie: string) => (await call(t, cookie, 'GET', '/api/archived/frequent')).json() as TFrequent;

describe('Nhập và xem văn bản lưu', () => {
  it('enters a document with a PDF; the unit sees it, other units do not', async () => {
    const pdf = await upload(t, c['mn.vanthu'], 'huong-dan.pdf', samplePdf('huong-dan'));
    const doc = await enter(c['mn.vanthu'], { fileIds: [pdf.body.id], subject: '  Hướng dẫn nhiệm vụ năm học ' });
    expect(doc).toMatchObject({
      subject: 'Hướng dẫn nhiệm vụ năm học',
      code: '1520/HD-SGDĐT',
      codeNotation: 'HD-SGDĐT',
      documentType: 'Hướng dẫn',
      field: 'Giáo dục mầm non',
      issuedDate: '2026-09-05',
      fromParent: false,
      shareWithSubunits: false,
      pinned: false,
      openCount: 0,
      fileCount: 1,
      abilities: { edit: true, remove: true },
    });
    expect(doc.files.map((f) => f.name)).toEqual(['huong-dan.pdf']);
    const asTeacher = await call(t, c['mn.gv1'], 'GET', `/api/archived/${doc.id}`);
    expect(asTeacher.statusCode).toBe(200);
    expect(asTeacher.json().abilities).toEqual({ edit: false, remove: false });
    const file = await call(t, c['mn.gv1'], 'GET', `/api/archived/${doc.id}/files/${pdf.body.id}/content`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('application/pdf');
    for (const u of ['th.vanthu', 'vanthu', 'chuyenvien1']) {
      expect((await call(t, c[u], 'GET', `/api/archived/${doc.id}`)).statusCode).toBe(404);
      expect(ids(await search(c[u]))).not.toContain(doc.id);
      expect((await call(t, c[u], 'GET', `/api/archived/${doc.id}/files/${pdf.body.id}/content`)).statusCode).toBe(404);
      expect((await call(t, c[u], 'POST', `/api/archived/${doc.id}/pin`, { pinned: true })).statusCode).toBe(404);
    }
    expect(ids(await search(c['mn.gv1']))).toContain(doc.id);
  });

  it('shares documents of a unit above with its sub-units when asked', async () => {
    const shared = await enter(c.vanthu, {
      subject: 'Thông tư quy định điều lệ trường mầm non',
      shareWithSubunits: true,
      fieldId: null,
    });
    const own = await enter(c.vanthu, { subject: 'Quy chế chi tiêu nội bộ của Phòng', documentTypeId: null });
    const school = await search(c['mn.gv1'], 'q=thong tu quy dinh dieu le');
    expect(school.items).toEqual([
      expect.objectContaining({ id: shared.id, fromParent: true, unitName: expect.any(String) }),
    ]);
    expect(ids(await search(c['mn.gv1'], 'q=quy che chi tieu'))).toEqual([]);
    expect((await call(t, c['mn.gv1'], 'GET', `/api/archived/${own.id}`)).statusCode).toBe(404);
    expect(ids(await search(c.chuyenvien1, 'q=quy che chi tieu'))).toEqual([own.id]);
    // A school's keeper reads the district's shared document but may not change it.
    const detail = await call(t, c['mn.vanthu'], 'GET', `/api/archived/${shared.id}`);
    expect(detail.json().abilities).toEqual({ edit: false, remove: false });
    expect((await call(t, c['mn.vanthu'], 'PATCH', `/api/archived/${shared.id}`, { subject: 'Sửa' })).statusCode).toBe(
      403,
    );
    expect((await call(t, c['mn.vanthu'], 'DELETE', `/api/archived/${shared.id}`)).statusCode).toBe(403);
  });

  it('refuses bad input with the field and writes nothing', async () => {
    const before = await countRows(t, 'archived_documents');
    const cases: [Record<string, unknown>, string][] = [
      [{ subject: '' }, 'body.subject'],
      [{ subject: 'x'.repeat(501) }, 'body.subject'],
      [{ codeNotation: 'X'.repeat(31) }, 'body.codeNotation'],
      [{ issuedDate: '05/09/2026' }, 'body.issuedDate'],
      [{ documentTypeId: '00000000-0000-4000-8000-000000000000' }, 'body.documentTypeId'],
      [{ fieldId: thongTu }, 'body.fieldId'],
      [{ fileIds: ['00000000-0000-4000-8000-000000000000'] }, 'body.fileIds'],
    ];
    for (const [over, path] of cases) {
      const res = await call(t, c['mn.vanthu'], 'POST', '/api/archived', body(over as Partial<TArchivedCreate>));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      const err = res.json().error;
      const paths = [...(err.fields ?? []).map((f: { path: string }) => f.path), err.details?.field];
      expect(paths, res.body).toContain(path);
    }
    expect((await call(t, c['mn.gv1'], 'POST', '/api/archived', body())).statusCode).toBe(403);
    expect((await call(t, c.admin, 'GET', '/api/archived')).json().items).toEqual([]);
    expect(await countRows(t, 'archived_documents')).toBe(before);
  });
});

describe('Tìm kiếm và hay dùng', () => {
  it('finds without diacritics and with the filters', async () => {
    const doc = await enter(c['mn.vanthu'], {
      subject: 'Quyết định ban hành quy chế đánh giá trẻ',
      codeNumber: '07',
      codeNotation: 'QĐ-UBND',
      issuingOrganName: 'Ủy ban nhân dân huyện An Minh',
      issuedDate: '2026-03-15',
    });
    const q = (query: string) => search(c['mn.gv1'], query).then(ids);
    expect(await q('q=quyet dinh ban hanh quy che danh gia')).toEqual([doc.id]);
    expect(await q('q=QUYET DINH danh')).toEqual([doc.id]);
    expect(await q('code=7/QĐ-UBND')).toEqual([doc.id]);
    expect(await q('code=qđ-ubnd')).toEqual([doc.id]);
    expect(await q('organ=uy ban nhan dan huyen')).toEqual([doc.id]);
    expect(await q(`q=danh gia tre&fieldId=${field}&documentTypeId=${thongTu}&from=2026-03-15&to=2026-03-15`)).toEqual([
      doc.id,
    ]);
    expect(await q('q=danh gia tre&to=2026-03-14')).toEqual([]);
    expect((await call(t, c['mn.gv1'], 'GET', '/api/archived?from=x')).statusCode).toBe(400);
  });

  it('keeps each person’s pinned and most opened documents', async () => {
    const a = await enter(c['mn.vanthu'], { subject: 'Mẫu sổ theo dõi sức khỏe trẻ' });
    const b = await enter(c['mn.vanthu'], { subject: 'Mẫu kế hoạch giáo dục tháng' });
    const open = (cookie: string, id: string) => call(t, cookie, 'POST', `/api/archived/${id}/opened`);
    for (let i = 0; i < 3; i++) expect((await open(c['mn.gv1'], b.id)).statusCode).toBe(200);
    await open(c['mn.gv1'], a.id);
    let mine = await frequent(c['mn.gv1']);
    expect(ids({ items: mine.mostOpened }).slice(0, 2)).toEqual([b.id, a.id]);
    expect(mine.mostOpened[0]).toMatchObject({ openCount: 3, pinned: false });
    const pinned = await call(t, c['mn.gv1'], 'POST', `/api/archived/${a.id}/pin`, { pinned: true });
    expect(pinned.json()).toMatchObject({ pinned: true, openCount: 1 });
    mine = await frequent(c['mn.gv1']);
    expect(ids({ items: mine.pinned })).toEqual([a.id]);
    expect(ids({ items: mine.mostOpened })).not.toContain(a.id);
    // Another person's use is their own.
    const theirs = await frequent(c['mn.hieutruong']);
    expect(theirs).toEqual({ pinned: [], mostOpened: [] });
    await call(t, c['mn.gv1'], 'POST', `/api/archived/${a.id}/pin`, { pinned: false });
    expect((await frequent(c['mn.gv1'])).pinned).toEqual([]);
    expect((await call(t, c['mn.gv1'], 'POST', `/api/archived/${a.id}/pin`, { pinned: 'yes' })).statusCode).toBe(400);
  });

  it('corrects and removes (soft) for the unit’s keepers only', async () => {
    const pdf = await upload(t, c['mn.vanthu'], 'ban-cu.pdf', samplePdf('cu'));
    const doc = await enter(c['mn.vanthu'], { subject: 'Công văn về lịch nghỉ Tết', fileIds: [pdf.body.id] });
    await call(t, c['mn.gv1'], 'POST', `/api/archived/${doc.id}/pin`, { pinned: true });
    expect((await call(t, c['mn.gv1'], 'PATCH', `/api/archived/${doc.id}`, { subject: 'Sửa' })).statusCode).toBe(403);
    const bad = await call(t, c['mn.vanthu'], 'PATCH', `/api/archived/${doc.id}`, { fieldId: thongTu, subject: 'Đổi' });
    expect(bad.statusCode).toBe(400);
    const next = await upload(t, c['mn.vanthu'], 'ban-moi.pdf', samplePdf('moi'));
    const res = await call(t, c['mn.vanthu'], 'PATCH', `/api/archived/${doc.id}`, {
      subject: 'Công văn về lịch nghỉ Tết Nguyên đán',
      codeNumber: null,
      addFileIds: [next.body.id],
      removeFileIds: [pdf.body.id],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ subject: 'Công văn về lịch nghỉ Tết Nguyên đán', code: 'HD-SGDĐT' });
    expect(res.json().files.map((f: { name: string }) => f.name)).toEqual(['ban-moi.pdf']);
    expect((await auditOf(t, doc.id)).map((a) => a.action)).toContain('archived.update');

    expect((await call(t, c['mn.gv1'], 'DELETE', `/api/archived/${doc.id}`)).statusCode).toBe(403);
    expect((await call(t, c['mn.vanthu'], 'DELETE', `/api/archived/${doc.id}`)).statusCode).toBe(200);
    expect((await call(t, c['mn.vanthu'], 'GET', `/api/archived/${doc.id}`)).statusCode).toBe(404);
    expect((await call(t, c['mn.vanthu'], 'DELETE', `/api/archived/${doc.id}`)).statusCode).toBe(404);
    expect(ids(await search(c['mn.gv1'], 'q=nghi tet'))).toEqual([]);
    expect(ids({ items: (await frequent(c['mn.gv1'])).pinned })).not.toContain(doc.id);
    const kept = await t.db.rows(sql`SELECT removed_at FROM archived_documents WHERE id = ${doc.id}::uuid`);
    expect(kept[0].removed_at).not.toBeNull();
  });
});

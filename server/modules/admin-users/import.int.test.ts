import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS } from '../../../contracts/admin-users';
import { type TestApp, createTestApp } from '../../test/harness';

/** Builds an import file as a person would fill the template: header row, then data rows. */
async function xlsx(rows: (string | number | null)[][], header: readonly string[] = IMPORT_COLUMNS): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Người dùng');
  ws.addRow([...header]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('Nhập người dùng từ Excel', () => {
  let t: TestApp;
  let admin: string;
  let sibling: string;

  const userCount = async () => Number((await t.db.rows<{ n: string }>(sql`SELECT count(*) AS n FROM users`))[0].n);
  const upload = (cookie: string, contentBase64: string, fileName = 'nguoi-dung.xlsx') =>
    t.app.inject({
      method: 'POST',
      url: '/api/admin/users/import',
      headers: { cookie },
      payload: { fileName, contentBase64 },
    });

  beforeAll(async () => {
    t = await createTestApp();
    await t.db.rows(sql`INSERT INTO user_groups (user_id, group_id, scope)
      SELECT u.id, g.id, 'subtree' FROM users u, groups g WHERE u.username = 'th.hieutruong' AND g.code = 'quan-tri'`);
    admin = await t.login('admin');
    sibling = await t.login('th.hieutruong');
  });
  afterAll(() => t.close());

  it('downloads a template with the columns, an example row and a guide of the codes the admin may use', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/admin/users/import-template',
      headers: { cookie: admin },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...IMPORT_COLUMNS]);
    expect(sheet.getRow(2).getCell(1).text).toBe('nguyenvana');
    const guide = wb.getWorksheet('Hướng dẫn');
    const text = JSON.stringify(guide?.getSheetValues());
    expect(text).toContain('THCSAM');
    expect(text).toContain('chuyen-vien');

    const school = await t.app.inject({
      method: 'GET',
      url: '/api/admin/users/import-template',
      headers: { cookie: sibling },
    });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(school.rawPayload as unknown as ArrayBuffer);
    const schoolText = JSON.stringify(wb2.getWorksheet('Hướng dẫn')?.getSheetValues());
    expect(schoolText).toContain('THAM');
    expect(schoolText).not.toContain('THCSAM');
    expect(schoolText).not.toContain('quan-tri');
  });

  it('imports nothing from a file with one bad row and reports its Excel line and column', async () => {
    const before = await userCount();
    const file = await xlsx([
      ['gv.an', 'Trần Văn An', 'THAM', 'Giáo viên', 'an@anminh.edu.vn', '0912000001', 'chuyen-vien'],
      ['gv.binh', 'Lê Thị Bình', 'THAM', 'giao vien', '', '09120', ''],
      ['gv.cuong', 'Phạm Văn Cường', 'THAM', '', '', '', ''],
    ]);
    const res = await upload(admin, file);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('IMPORT_INVALID');
    expect(res.json().error.details.rows).toEqual([
      expect.objectContaining({ line: 3, field: 'Điện thoại', code: 'phoneFormat', message: expect.any(String) }),
    ]);
    expect(await userCount()).toBe(before);
    expect(await t.db.rows(sql`SELECT id FROM audit_log WHERE action = 'user.import'`)).toHaveLength(0);
  });

  it('reports every problem of every row', async () => {
    const file = await xlsx([
      ['th.gv1', 'Trùng Hệ Thống', 'THAM', '', '', '', ''],
      ['Gv Sai', '', 'XYZ', 'Phi công', 'khong-email', '', 'khong-co'],
      ['gv.hai', 'Một', 'THAM', '', '', '', ''],
      ['GV.HAI', 'Hai', 'THCSAM', '', '', '', 'quan-tri'],
      [null, null, null, null, null, null, null],
      ['', 'Thiếu tên đăng nhập', '', '', '', '', ''],
    ]);
    const rows = (await upload(sibling, file)).json().error.details.rows as { line: number; code: string }[];
    expect(rows.map((r) => `${r.line}:${r.code}`)).toEqual([
      '2:usernameTaken',
      '3:usernameFormat',
      '3:required',
      '3:unitUnknown',
      '3:jobTitleUnknown',
      '3:emailFormat',
      '3:groupUnknown',
      '5:duplicateInFile',
      '5:unitOutOfScope',
      '5:groupForbidden',
      '7:required',
      '7:required',
    ]);
  });

  it('imports every row of a good file in one go, each with a one-time password', async () => {
    const before = await userCount();
    const file = await xlsx([
      ['gv.an', 'Trần Văn An', 'tham', 'giao vien', 'An@AnMinh.edu.vn', 912000001, 'chuyen-vien, van-thu'],
      ['gv.binh', 'Lê Thị Bình', 'THAM', '', '', '+84 912 000 002', ''],
    ]);
    const res = await upload(sibling, file);
    expect(res.statusCode).toBe(200);
    const created = res.json().created as { username: string; oneTimePassword: string; unitCode: string }[];
    expect(created.map((c) => c.username)).toEqual(['gv.an', 'gv.binh']);
    expect(created[0].unitCode).toBe('THAM');
    expect(await userCount()).toBe(before + 2);
    const [an] = await t.db.rows<{ phone: string; email: string; title: string; must: boolean; groups: string }>(sql`
      SELECT u.phone, u.email, jt.name AS title, u.must_change_password AS must,
        (SELECT string_agg(g.code || ':' || ug.scope, ',' ORDER BY g.code) FROM user_groups ug
          JOIN groups g ON g.id = ug.group_id WHERE ug.user_id = u.id) AS groups
      FROM users u LEFT JOIN job_titles jt ON jt.id = u.job_title_id WHERE u.username = 'gv.an'`);
    expect(an).toEqual({
      phone: '0912000001',
      email: 'an@anminh.edu.vn',
      title: 'Giáo viên',
      must: true,
      groups: 'chuyen-vien:own,van-thu:own',
    });
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'gv.binh', password: created[1].oneTimePassword },
    });
    expect(signIn.json().mustChangePassword).toBe(true);
    const audits = await t.db.rows(sql`SELECT id FROM audit_log WHERE action IN ('user.create', 'user.import')`);
    expect(audits).toHaveLength(3);
    // The same file again: every username is now taken, nothing more is created.
    const again = await upload(sibling, file);
    expect(again.json().error.details.rows).toHaveLength(2);
    expect(await userCount()).toBe(before + 2);
  });

  it('answers 400 with field file for a file that is not a valid xlsx or lacks columns', async () => {
    const notXlsx = await upload(admin, Buffer.from('Tên đăng nhập;Họ và tên').toString('base64'), 'a.csv');
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'file' }] });
    const noColumns = await upload(admin, await xlsx([['a', 'b']], ['Tên', 'Họ']));
    expect(noColumns.json().error.details.missingColumns).toEqual(['Tên đăng nhập', 'Họ và tên', 'Mã đơn vị']);
    const empty = await upload(admin, await xlsx([]));
    expect(empty.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { reason: 'noRows' } });
    // A file of a few megabytes passes the route's own body limit (the global one is 1 MB).
    const big = await upload(admin, Buffer.alloc(3 * 1024 * 1024, 7).toString('base64'));
    expect(big.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { reason: 'notXlsx' } });
    const tooBig = await upload(admin, Buffer.alloc(6 * 1024 * 1024, 7).toString('base64'));
    expect(tooBig.statusCode).toBe(413);
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/admin/users/import',
      headers: { cookie: admin },
      payload: { fileName: 'a.xlsx' },
    });
    expect(missing.json().error.fields[0].path).toBe('body.contentBase64');
  });
});

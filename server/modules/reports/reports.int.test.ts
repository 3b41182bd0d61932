import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnDate } from '../../../contracts/calendar';
import { REGISTER_DIRECT_LIMIT } from '../../../contracts/reports';
import { call, countRows } from '../../test/api-helpers';
import { createTestApp, type TestApp } from '../../test/harness';
import { act, registerIncoming, typeId, userId } from '../incoming/incoming.test-helpers';
import { REGISTER_XLSX_FIRST_DATA_ROW } from './render/register-xlsx';

let t: TestApp;
const c: Record<string, string> = {};
const id: Record<string, string> = {};
const unit: Record<string, string> = {};
let today: string;
let monthStart: string;
let year: string;

async function unitId(code: string): Promise<string> {
  const rows = await t.db.rows<{ id: string }>(sql`SELECT id FROM units WHERE code = ${code}`);
  return rows[0].id;
}

async function sheet(body: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

/** Data rows of a register workbook as arrays of cell texts. */
async function registerRows(body: Buffer): Promise<string[][]> {
  const ws = await sheet(body);
  const out: string[][] = [];
  for (let r = REGISTER_XLSX_FIRST_DATA_ROW; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    out.push(
      Array.from({ length: ws.columnCount }, (_, i) => {
        const cell = row.getCell(i + 1);
        // As Excel shows them: dates dd/mm/yyyy, document numbers zero-padded (format "00").
        if (cell.value instanceof Date) return cell.value.toISOString().slice(0, 10).split('-').reverse().join('/');
        if (typeof cell.value === 'number' && cell.numFmt === '00') return String(cell.value).padStart(2, '0');
        return cell.text;
      }),
    );
  }
  return out;
}

const query = (o: Record<string, string>) => new URLSearchParams(o).toString();

function fileUrl(kind: string, o: Record<string, string>) {
  return `/api/reports/registers/${kind}/file?${query({ from: monthStart, to: today, format: 'xlsx', ...o })}`;
}

/** An issued outgoing document (and its deliveries) written straight into the tables. */
async function issueOutgoing(o: {
  unitCode: string;
  number: number;
  subject: string;
  secret?: boolean;
  issuedBy: string;
  recipients: string[];
}) {
  const u = await t.db.rows<{ id: string; path: string }>(sql`SELECT id, path FROM units WHERE code = ${o.unitCode}`);
  const register = await t.db.rows<{ id: string }>(sql`
    INSERT INTO registers (id, unit_id, kind, year, secret, name, last_number)
    VALUES (gen_random_uuid(), ${u[0].id}::uuid, 'outgoing', ${Number(year)}, ${o.secret ?? false}, 'Sổ đi', ${o.number})
    ON CONFLICT (unit_id, kind, year, secret, document_type_id)
    DO UPDATE SET last_number = excluded.last_number RETURNING id`);
  const docId = crypto.randomUUID();
  await t.db.rows(sql`
    INSERT INTO outgoing_documents (id, unit_id, unit_path, document_type_id, subject, status, register_id, year,
      code_number, code_notation, issued_date, issued_at, issued_by, signer_name, signer_position, recipients_text,
      file_copy_to, copies, confidential, confidentiality_code, created_by)
    VALUES (${docId}::uuid, ${u[0].id}::uuid, ${u[0].path}, ${await typeId(t, 'Quyết định')}::uuid, ${o.subject},
      'issued', ${register[0].id}::uuid, ${Number(year)}, ${o.number}, 'QĐ-THCSAM', ${today}::date, now(),
      ${o.issuedBy}::uuid, 'Lâm Quốc Bảo', 'Hiệu trưởng', ${o.recipients.join('; ')}, 'Văn thư', 2,
      ${o.secret ?? false}, ${o.secret ? 'mat' : null}, ${o.issuedBy}::uuid)`);
  for (const name of o.recipients)
    await t.db.rows(sql`
      INSERT INTO document_deliveries (id, outgoing_id, sender_unit_id, kind, recipient_name, status, sent_at)
      VALUES (gen_random_uuid(), ${docId}::uuid, ${u[0].id}::uuid, 'organ', ${name}, 'arrived', now())`);
  return docId;
}

beforeAll(async () => {
  t = await createTestApp();
  for (const u of [
    'vanthu',
    'truongphong',
    'chuyenvien1',
    'thcs.vanthu',
    'thcs.hieutruong',
    'thcs.gv1',
    'thcs.gv2',
    'th.vanthu',
    'mn.vanthu',
  ]) {
    c[u] = await t.login(u);
    id[u] = await userId(t, u);
  }
  for (const code of ['PGDDT', 'THCSAM', 'THAM', 'MNAM']) unit[code] = await unitId(code);
  today = vnDate(t.clock.now());
  monthStart = `${today.slice(0, 8)}01`;
  year = today.slice(0, 4);

  // THCS An Minh: three documents, one directed to two teachers and finished, and a secret one.
  const first = await registerIncoming(t, c['thcs.vanthu'], {
    codeNumber: '125',
    subject: 'Kế hoạch tổ chức Hội khỏe Phù Đổng cấp trường',
    recipientIds: [id['thcs.hieutruong']],
  });
  await act(t, c['thcs.hieutruong'], first.document.id, 'direct', {
    direction: 'Giao tổ chuyên môn thực hiện',
    handlers: [
      { userId: id['thcs.gv1'], role: 'lead', dueDate: today },
      { userId: id['thcs.gv2'], role: 'co' },
    ],
  });
  await act(t, c['thcs.gv1'], first.document.id, 'complete', { result: 'Đã tổ chức', replyCode: '12/KH-THCSAM' });
  await registerIncoming(t, c['thcs.vanthu'], {
    codeNumber: '37',
    codeNotation: 'UBND-VX',
    issuingOrganName: 'Ủy ban nhân dân huyện An Minh',
    documentTypeId: await typeId(t, 'Công văn'),
    subject: 'Công văn về việc bảo đảm an toàn trường học',
  });
  await registerIncoming(t, c['thcs.vanthu'], {
    codeNumber: '9',
    subject: 'Kế hoạch ra đề thi học sinh giỏi cấp trường',
    confidentialityCode: 'mat',
  });
  // Another school's document, which the THCS clerk must never see.
  await registerIncoming(t, c['th.vanthu'], { codeNumber: '1', subject: 'Tờ trình của Trường Tiểu học' });
  await issueOutgoing({
    unitCode: 'THCSAM',
    number: 1,
    subject: 'Quyết định thành lập đội tuyển học sinh giỏi',
    issuedBy: id['thcs.vanthu'],
    recipients: ['Phòng Giáo dục và Đào tạo huyện An Minh', 'Các tổ chuyên môn'],
  });
  await issueOutgoing({
    unitCode: 'THCSAM',
    number: 1,
    subject: 'Quyết định mật về coi thi',
    secret: true,
    issuedBy: id['thcs.vanthu'],
    recipients: ['Hội đồng coi thi'],
  });
}, 120_000);
afterAll(() => t?.close());

describe('units', () => {
  it('lists the units a clerk may print, with the secret registers they keep', async () => {
    const res = await call(t, c['thcs.vanthu'], 'GET', '/api/reports/units?purpose=registers');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      expect.objectContaining({ id: unit.THCSAM, depth: 0, secretIncoming: true, secretOutgoing: true }),
    ]);
  });

  it("lists a leader's whole subtree, without secret registers", async () => {
    const res = await call(t, c.truongphong, 'GET', '/api/reports/units?purpose=registers');
    const units = res.json() as { id: string; depth: number; secretIncoming: boolean }[];
    expect(units.map((u) => u.id)).toEqual([unit.PGDDT, unit.MNAM, unit.THAM, unit.THCSAM]);
    expect(units.map((u) => u.depth)).toEqual([0, 1, 1, 1]);
    expect(units.some((u) => u.secretIncoming)).toBe(false);
  });

  it('refuses a person without the permission', async () => {
    expect((await call(t, c.chuyenvien1, 'GET', '/api/reports/units?purpose=registers')).statusCode).toBe(403);
    expect((await call(t, c['thcs.vanthu'], 'GET', '/api/reports/units?purpose=summary')).statusCode).toBe(403);
  });
});

describe('printing registers', () => {
  it('plans a small register to be made at once', async () => {
    const res = await call(
      t,
      c['thcs.vanthu'],
      'GET',
      `/api/reports/registers/incoming-register/plan?${query({ unitId: unit.THCSAM, from: monthStart, to: today })}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      kind: 'incoming-register',
      title: `Sổ đăng ký văn bản đến năm ${year}`,
      unitName: 'Trường THCS An Minh',
      rows: 2,
      mode: 'direct',
    });
  });

  it('prints the incoming register as a PDF and as a workbook with the normal documents only', async () => {
    const pdf = await call(
      t,
      c['thcs.vanthu'],
      'GET',
      fileUrl('incoming-register', { unitId: unit.THCSAM, format: 'pdf' }),
    );
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain('attachment');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(10_000);

    const xlsx = await call(t, c['thcs.vanthu'], 'GET', fileUrl('incoming-register', { unitId: unit.THCSAM }));
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['x-row-count']).toBe('2');
    const rows = await registerRows(xlsx.rawPayload);
    expect(rows.map((r) => r[1])).toEqual(['01', '02']);
    expect(rows[0][2]).toBe('Sở Giáo dục và Đào tạo tỉnh Kiên Giang');
    expect(rows[0][3]).toBe('125/KH-SGDĐT');
    expect(rows[0][5]).toBe('Kế hoạch tổ chức Hội khỏe Phù Đổng cấp trường');
    expect(rows[0][6]).toBe('Lâm Quốc Bảo');
    expect(rows[1][5]).toBe('Công văn về việc bảo đảm an toàn trường học');
    expect(rows.flat().join(' ')).not.toContain('ra đề thi');
    expect(rows.flat().join(' ')).not.toContain('Tiểu học');
  });

  it('prints the handover, short and follow-up registers from the trail', async () => {
    const handover = await registerRows(
      (await call(t, c['thcs.vanthu'], 'GET', fileUrl('incoming-handover', { unitId: unit.THCSAM }))).rawPayload,
    );
    expect(handover.map((r) => [r[1], r[2], r[4]])).toEqual([
      ['01', 'Lâm Quốc Bảo', 'Trình lãnh đạo cho ý kiến chỉ đạo'],
      ['01', 'Trịnh Minh Khoa (chủ trì); Hồ Thị Cẩm Tú (phối hợp)', 'Chuyển theo ý kiến chỉ đạo'],
    ]);
    const short = await registerRows(
      (await call(t, c['thcs.vanthu'], 'GET', fileUrl('incoming-short', { unitId: unit.THCSAM }))).rawPayload,
    );
    expect(short.map((r) => [r[0], r[5]])).toEqual([
      ['01', 'Trịnh Minh Khoa'],
      ['02', ''],
    ]);
    const tracking = await registerRows(
      (await call(t, c['thcs.vanthu'], 'GET', fileUrl('incoming-tracking', { unitId: unit.THCSAM }))).rawPayload,
    );
    expect(tracking).toHaveLength(1);
    expect(tracking[0][1]).toBe('Kế hoạch số 125/KH-SGDĐT ngày 20/11/2026 của Sở Giáo dục và Đào tạo tỉnh Kiên Giang');
    expect(tracking[0][2]).toBe('Trịnh Minh Khoa (chủ trì); Hồ Thị Cẩm Tú (phối hợp)');
    expect(tracking[0][4]).toMatch(/^Đã giải quyết ngày \d{2}\/\d{2}\/\d{4}$/);
    expect(tracking[0][5]).toBe('12/KH-THCSAM');
  });

  it('prints the outgoing registers from the issued documents and their deliveries', async () => {
    const reg = await registerRows(
      (await call(t, c['thcs.vanthu'], 'GET', fileUrl('outgoing-register', { unitId: unit.THCSAM }))).rawPayload,
    );
    expect(reg).toHaveLength(1);
    expect(reg[0].slice(0, 7)).toEqual([
      '01/QĐ-THCSAM',
      today.split('-').reverse().join('/'),
      'Quyết định thành lập đội tuyển học sinh giỏi',
      'Hiệu trưởng Lâm Quốc Bảo',
      'Phòng Giáo dục và Đào tạo huyện An Minh; Các tổ chuyên môn',
      'Văn thư',
      '2',
    ]);
    const handover = await registerRows(
      (await call(t, c['thcs.vanthu'], 'GET', fileUrl('outgoing-handover', { unitId: unit.THCSAM }))).rawPayload,
    );
    expect(handover.map((r) => [r[1], r[2]]).sort()).toEqual([
      ['01/QĐ-THCSAM', 'Các tổ chuyên môn'],
      ['01/QĐ-THCSAM', 'Phòng Giáo dục và Đào tạo huyện An Minh'],
    ]);
  });

  it('lets a leader print the registers of the schools under him', async () => {
    const res = await call(t, c.truongphong, 'GET', fileUrl('incoming-register', { unitId: unit.THCSAM }));
    expect(res.statusCode).toBe(200);
    expect(await registerRows(res.rawPayload)).toHaveLength(2);
  });

  it("refuses a school clerk another school's register", async () => {
    const res = await call(t, c['thcs.vanthu'], 'GET', fileUrl('incoming-register', { unitId: unit.THAM }));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    const plan = await call(
      t,
      c['thcs.vanthu'],
      'GET',
      `/api/reports/registers/incoming-short/plan?${query({ unitId: unit.THAM, from: monthStart, to: today })}`,
    );
    expect(plan.statusCode).toBe(403);
    expect((await call(t, c.chuyenvien1, 'GET', fileUrl('incoming-register', { unitId: unit.PGDDT }))).statusCode).toBe(
      403,
    );
  });

  it('prints the secret registers for their clerk only', async () => {
    const inc = await call(
      t,
      c['thcs.vanthu'],
      'GET',
      fileUrl('incoming-register', { unitId: unit.THCSAM, secret: '1' }),
    );
    expect(inc.statusCode).toBe(200);
    const rows = await registerRows(inc.rawPayload);
    expect(rows.map((r) => [r[1], r[5]])).toEqual([['01', 'Kế hoạch ra đề thi học sinh giỏi cấp trường']]);
    const out = await registerRows(
      (await call(t, c['thcs.vanthu'], 'GET', fileUrl('outgoing-register', { unitId: unit.THCSAM, secret: '1' })))
        .rawPayload,
    );
    expect(out.map((r) => r[2])).toEqual(['Quyết định mật về coi thi']);
    for (const who of ['truongphong', 'thcs.hieutruong']) {
      const res = await call(t, c[who], 'GET', fileUrl('incoming-register', { unitId: unit.THCSAM, secret: '1' }));
      expect(res.statusCode, who).toBe(403);
      expect(res.json().error.details).toEqual({ reason: 'secret' });
    }
  });

  it('refuses bad periods and unknown units with the field that is wrong, writing nothing', async () => {
    const audits = await countRows(t, 'audit_log');
    const bad = [
      [
        fileUrl('incoming-register', {
          unitId: unit.THCSAM,
          from: today,
          to: monthStart === today ? '2000-01-01' : monthStart,
        }),
        'querystring.to',
        'toBeforeFrom',
      ],
      [
        fileUrl('incoming-register', { unitId: unit.THCSAM, from: `${Number(year) - 1}-12-01`, to: today }),
        'querystring.to',
        'sameYear',
      ],
      [fileUrl('incoming-register', { unitId: unit.THCSAM, from: '2026-02-30' }), 'querystring.from', null],
      [fileUrl('incoming-register', { unitId: crypto.randomUUID() }), 'querystring.unitId', null],
      [fileUrl('incoming-register', { unitId: 'khong-phai-ma' }), 'querystring.unitId', null],
      [fileUrl('incoming-register', { unitId: unit.THCSAM, format: 'docx' }), 'querystring.format', null],
    ] as const;
    for (const [url, field, message] of bad) {
      const res = await call(t, c['thcs.vanthu'], 'GET', url);
      expect(res.statusCode, url).toBe(400);
      const error = res.json().error;
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.fields[0].path, url).toBe(field);
      if (message) expect(error.fields[0].message).toBe(message);
    }
    const unknownKind = await call(t, c['thcs.vanthu'], 'GET', fileUrl('so-khac', { unitId: unit.THCSAM }));
    expect(unknownKind.statusCode).toBe(400);
    expect(unknownKind.json().error.fields[0].path).toBe('params.kind');
    expect(await countRows(t, 'audit_log')).toBe(audits);
  });

  it('records who printed which register', async () => {
    const rows = await t.db.rows<{ after: { kind: string; secret: boolean } }>(sql`
      SELECT after FROM audit_log WHERE action = 'reports.print' AND actor_id = ${id['thcs.vanthu']}::uuid`);
    expect(rows.some((r) => r.after.kind === 'incoming-register' && r.after.secret)).toBe(true);
  });
});

describe('large registers', () => {
  beforeAll(async () => {
    // One more than may be printed at once, written straight into the kindergarten's register.
    const reg = await t.db.rows<{ id: string }>(sql`
      INSERT INTO registers (id, unit_id, kind, year, secret, name, last_number)
      VALUES (gen_random_uuid(), ${unit.MNAM}::uuid, 'incoming', ${Number(year)}, false, 'Sổ đến', ${REGISTER_DIRECT_LIMIT + 1})
      RETURNING id`);
    const path = (await t.db.rows<{ path: string }>(sql`SELECT path FROM units WHERE id = ${unit.MNAM}::uuid`))[0].path;
    await t.db.rows(sql`
      INSERT INTO incoming_documents (id, unit_id, unit_path, register_id, year, arrival_number, arrival_at,
        issuing_organ_name, document_type_id, code_number, code_notation, subject, created_by)
      SELECT gen_random_uuid(), ${unit.MNAM}::uuid, ${path}, ${reg[0].id}::uuid, ${Number(year)}, n,
        ${`${today}T02:00:00Z`}::timestamptz, 'Sở Giáo dục và Đào tạo tỉnh Kiên Giang',
        ${await typeId(t, 'Công văn')}::uuid, n::text, 'SGDĐT-GDMN', 'Công văn hướng dẫn số ' || n, ${id['mn.vanthu']}::uuid
      FROM generate_series(1, ${REGISTER_DIRECT_LIMIT + 1}) AS n`);
  }, 60_000);

  it('sends a register past the limit to the background', async () => {
    const plan = await call(
      t,
      c['mn.vanthu'],
      'GET',
      `/api/reports/registers/incoming-short/plan?${query({ unitId: unit.MNAM, from: today, to: today })}`,
    );
    expect(plan.json()).toMatchObject({ rows: REGISTER_DIRECT_LIMIT + 1, mode: 'background' });
    const direct = await call(t, c['mn.vanthu'], 'GET', fileUrl('incoming-short', { unitId: unit.MNAM, from: today }));
    expect(direct.statusCode).toBe(409);
    expect(direct.json().error.details).toMatchObject({ reason: 'tooLarge', rows: REGISTER_DIRECT_LIMIT + 1 });
  });

  it('makes it as a job, keeps the file and notifies the clerk with a link', async () => {
    const res = await call(t, c['mn.vanthu'], 'POST', '/api/reports/registers/incoming-short/exports', {
      unitId: unit.MNAM,
      from: today,
      to: today,
      format: 'xlsx',
    });
    expect(res.statusCode).toBe(202);
    const job = res.json() as { id: string; rows: number };
    expect(job.rows).toBe(REGISTER_DIRECT_LIMIT + 1);
    expect((await call(t, c['mn.vanthu'], 'GET', `/api/reports/exports/${job.id}`)).json().status).toBe('queued');

    await t.app.platform.jobRunner.runDue();

    const info = await call(t, c['mn.vanthu'], 'GET', `/api/reports/exports/${job.id}`);
    expect(info.json()).toMatchObject({ status: 'done', kind: 'incoming-short', format: 'xlsx' });
    expect(info.json().file.name).toMatch(/\.xlsx$/);
    const notes = await t.db.rows<{ title: string; link: string }>(sql`
      SELECT title, link FROM notifications WHERE user_id = ${id['mn.vanthu']}::uuid AND kind = 'reports.export'`);
    expect(notes).toEqual([{ title: 'Sổ đã sẵn sàng để tải về', link: `/app/report-incoming-short?export=${job.id}` }]);

    const file = await call(t, c['mn.vanthu'], 'GET', `/api/reports/exports/${job.id}/file`);
    expect(file.statusCode).toBe(200);
    const rows = await registerRows(file.rawPayload);
    expect(rows).toHaveLength(REGISTER_DIRECT_LIMIT + 1);
    expect(rows[REGISTER_DIRECT_LIMIT][0]).toBe(String(REGISTER_DIRECT_LIMIT + 1));

    // Nobody else learns the export exists.
    for (const who of ['thcs.vanthu', 'vanthu']) {
      expect((await call(t, c[who], 'GET', `/api/reports/exports/${job.id}`)).statusCode).toBe(404);
      expect((await call(t, c[who], 'GET', `/api/reports/exports/${job.id}/file`)).statusCode).toBe(404);
    }
  }, 120_000);

  it('checks a background request like a direct one', async () => {
    const jobs = await countRows(t, 'jobs');
    const other = await call(t, c['mn.vanthu'], 'POST', '/api/reports/registers/incoming-short/exports', {
      unitId: unit.THCSAM,
      from: today,
      to: today,
      format: 'pdf',
    });
    expect(other.statusCode).toBe(403);
    const reversed = await call(t, c['mn.vanthu'], 'POST', '/api/reports/registers/incoming-short/exports', {
      unitId: unit.MNAM,
      from: `${year}-12-31`,
      to: `${year}-01-01`,
      format: 'pdf',
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.fields[0].path).toBe('body.to');
    expect(await countRows(t, 'jobs')).toBe(jobs);
  });
});

describe('summary report', () => {
  const summaryUrl = (o: Record<string, string>) =>
    `/api/reports/summary?${query({ from: monthStart, to: today, ...o })}`;

  it("counts a school's documents in and out and how they were handled", async () => {
    const res = await call(t, c['thcs.hieutruong'], 'GET', summaryUrl({ unitId: unit.THCSAM }));
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.totals).toEqual({ incoming: 3, outgoing: 2 });
    expect(r.byType).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ label: 'Kế hoạch', incoming: 2, outgoing: 0 }),
        expect.objectContaining({ label: 'Công văn', incoming: 1, outgoing: 0 }),
        expect.objectContaining({ label: 'Quyết định', incoming: 0, outgoing: 2 }),
      ]),
    );
    expect(r.byMonth.at(-1)).toMatchObject({ key: today.slice(0, 7), incoming: 3, outgoing: 2 });
    expect(r.byUrgency).toEqual([expect.objectContaining({ label: 'Thường', incoming: 3 })]);
    expect(r.byUnit).toEqual([
      expect.objectContaining({ name: 'Trường THCS An Minh', onTime: 1, inProgress: 2, overdue: 0, total: 3 }),
    ]);
    expect(r.byHandler).toEqual([
      expect.objectContaining({ name: 'Trịnh Minh Khoa', onTime: 1, total: 1 }),
      expect.objectContaining({ name: 'Hồ Thị Cẩm Tú', inProgress: 1, total: 1 }),
    ]);
  });

  it("adds up a leader's subtree unit by unit", async () => {
    const r = (await call(t, c.truongphong, 'GET', summaryUrl({ unitId: unit.PGDDT, subtree: '1' }))).json();
    expect(r.byUnit.map((u: { name: string }) => u.name)).toEqual([
      'Phòng Giáo dục và Đào tạo huyện An Minh',
      'Trường Mầm non An Minh',
      'Trường Tiểu học An Minh',
      'Trường THCS An Minh',
    ]);
    expect(r.totals.incoming).toBeGreaterThanOrEqual(4);
  });

  it('exports the summary as a workbook and a PDF', async () => {
    const xlsx = await call(
      t,
      c['thcs.hieutruong'],
      'GET',
      `/api/reports/summary/file?${query({ unitId: unit.THCSAM, from: monthStart, to: today, format: 'xlsx' })}`,
    );
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toContain('Theo loại');
    const pdf = await call(
      t,
      c['thcs.hieutruong'],
      'GET',
      `/api/reports/summary/file?${query({ unitId: unit.THCSAM, from: monthStart, to: today, format: 'pdf' })}`,
    );
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses clerks, other schools and reversed periods', async () => {
    expect((await call(t, c['thcs.vanthu'], 'GET', summaryUrl({ unitId: unit.THCSAM }))).statusCode).toBe(403);
    expect((await call(t, c['thcs.hieutruong'], 'GET', summaryUrl({ unitId: unit.THAM }))).statusCode).toBe(403);
    const reversed = await call(
      t,
      c.truongphong,
      'GET',
      summaryUrl({ unitId: unit.PGDDT, from: `${year}-12-31`, to: `${year}-01-01` }),
    );
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.fields[0].path).toBe('querystring.to');
  });
});

describe('usage report', () => {
  it('counts sign-ins, registrations, directions and handling per person and unit', async () => {
    const res = await call(
      t,
      c['thcs.hieutruong'],
      'GET',
      `/api/reports/usage?${query({ unitId: unit.THCSAM, month: today.slice(0, 7) })}`,
    );
    expect(res.statusCode).toBe(200);
    const r = res.json();
    const person = (name: string) => r.users.find((u: { name: string }) => u.name === name);
    // The clerk registered three incoming documents and issued two outgoing ones.
    expect(person('Dương Thị Yến')).toMatchObject({ signIns: 1, registered: 5, handled: 0 });
    expect(person('Lâm Quốc Bảo')).toMatchObject({ signIns: 1, directed: 1 });
    expect(person('Trịnh Minh Khoa')).toMatchObject({ handled: 1, handledOnTime: 1 });
    expect(person('Hồ Thị Cẩm Tú')).toMatchObject({ handled: 0 });
    expect(person('Võ Văn Tâm')).toBeUndefined();
    expect(r.units).toEqual([expect.objectContaining({ name: 'Trường THCS An Minh', users: 4, activeUsers: 4 })]);
    expect(r.totals.signIns).toBe(4);
    // The task module is installed in this build: its columns are numbers, not left empty.
    expect(typeof r.totals.tasksAssigned).toBe(r.tasksAvailable ? 'number' : 'object');
  });

  it('exports the usage report, and refuses another school', async () => {
    const pdf = await call(
      t,
      c['thcs.hieutruong'],
      'GET',
      `/api/reports/usage/file?${query({ unitId: unit.THCSAM, month: today.slice(0, 7), format: 'pdf' })}`,
    );
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const other = await call(
      t,
      c['thcs.hieutruong'],
      'GET',
      `/api/reports/usage?${query({ unitId: unit.MNAM, month: today.slice(0, 7) })}`,
    );
    expect(other.statusCode).toBe(403);
    const bad = await call(
      t,
      c['thcs.hieutruong'],
      'GET',
      `/api/reports/usage?${query({ unitId: unit.THCSAM, month: '2026-13' })}`,
    );
    expect(bad.json().error.fields[0].path).toBe('querystring.month');
  });
});

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { INCOMING_XLSX_COLUMNS, INCOMING_XLSX_HEADER_ROW, renderIncomingXlsx } from './incoming-xlsx';
import { INCOMING_STATUS_WORDS, OVERDUE_WORD, statusWord, typeAndSubject } from './labels';
import { renderProcessingSlip } from './processing-slip';
import { BLANK_DOC, SLIP_DOC, XLSX_ROWS } from './render.fixtures';
import { formatVnDate, formatVnLongDate, vnExcelDate } from './vn-dates';

/**
 * The text of an uncompressed pdfkit PDF: each font's ToUnicode map turns the glyph ids of the
 * TJ operators back into characters, so this reads what a PDF reader would copy out. pdfmake
 * writes word by word and lines break at "/" and "-", so whitespace is dropped: compare with
 * `squash(expected)`.
 */
function pdfText(pdf: Buffer): string {
  const src = pdf.toString('latin1');
  const objects = new Map<string, string>();
  for (const m of src.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) objects.set(m[1], m[2]);
  const hex = (h: string) =>
    String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map((x) => Number.parseInt(x, 16)).filter((c) => c > 0));
  const maps = new Map<string, Map<number, string>>();
  for (const m of src.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(objects.get(m[2]) ?? '')?.[1];
    const cmap = objects.get(toUnicode ?? '') ?? '';
    const map = new Map<number, string>();
    for (const r of cmap.matchAll(/<([0-9a-f]{4})> <([0-9a-f]{4})> \[([^\]]*)\]/g)) {
      const start = Number.parseInt(r[1], 16);
      for (const [i, u] of [...r[3].matchAll(/<([0-9a-f]+)>/g)].entries()) map.set(start + i, hex(u[1]));
    }
    maps.set(m[1], map);
  }
  const out: string[] = [];
  let font = new Map<number, string>();
  for (const op of src.matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\] TJ/g)) {
    if (op[1]) {
      font = maps.get(op[1]) ?? new Map();
      continue;
    }
    const glyphs = [...op[2].matchAll(/<([0-9a-f]+)>/g)].flatMap((g) => g[1].match(/.{4}/g) ?? []);
    out.push(glyphs.map((g) => font.get(Number.parseInt(g, 16)) ?? '\uFFFD').join(''));
  }
  return squash(out.join(''));
}

function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
}

const printedAt = new Date('2026-03-12T10:05:00.000Z');

describe('renderProcessingSlip', () => {
  it('prints the slip of a directed, re-assigned document in Tinos with its Vietnamese text', async () => {
    const pdf = await renderProcessingSlip({
      organName: 'UBND huyện An Minh',
      unitName: SLIP_DOC.unitName,
      doc: SLIP_DOC,
      printedAt,
      compress: false,
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(1);
    expect(pageCount(pdf)).toBeLessThanOrEqual(2);
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]+\+Tinos-Bold/);
    const text = pdfText(pdf);
    expect(text).not.toContain('\uFFFD');
    for (const expected of [
      'UBND HUYỆN AN MINH',
      'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN',
      'Số đến: 07',
      // 17:45 UTC on 4 March is 00:45 on 5 March in Vietnam.
      'Ngày đến: 05/03/2026',
      'Sở Giáo dục và Đào tạo tỉnh Kiên Giang',
      '125/KH-SGDĐT',
      'Ngày văn bản: 27/02/2026',
      'Kế hoạch Tổ chức Hội khỏe Phù Đổng',
      'Độ khẩn: Thượng khẩn',
      '1. Ý kiến chỉ đạo của lãnh đạo:',
      'kinh phí tiết kiệm.',
      'Chủ trì: Nguyễn Hoàng Yến (Chuyên viên) – hạn 20/03/2026',
      'Phạm Quốc Dũng (Hiệu trưởng, Trường THCS Đông Hưng A) – hạn 18/03/2026',
      'Để biết: Võ Thị Mỹ Lệ (Phó Trưởng phòng)',
      'Ngày 05 tháng 3 năm 2026 Trần Thị Ngọc Hường',
      '2. Ý kiến của lãnh đạo đơn vị (phân công):',
      'Đặng Thị Thủy Tiên (Giáo viên, Trường THCS Đông Hưng A) – hạn 15/03/2026',
      'Ngày 06 tháng 3 năm 2026 Phạm Quốc Dũng',
      '3. Ý kiến đề xuất của người giải quyết:',
      'Nguyễn Hoàng Yến (ý kiến 06/03/2026): Đề nghị lùi thời gian',
      'Nguyễn Hoàng Yến (kết quả 12/03/2026): Đã dự thảo kế hoạch',
      'In ngày 12/03/2026 17:05',
    ]) {
      expect(text).toContain(squash(expected));
    }
    // The leader asked to direct is not a handler; nothing is left blank to fill in by hand.
    expect(text).not.toContain(squash('Lý Thị Hồng Nhung'));
    expect(text).not.toContain('tháng......');
  });

  it('keeps blank dated sections to fill in by hand when nothing is recorded', async () => {
    const pdf = await renderProcessingSlip({
      organName: '',
      unitName: 'Trường THCS Đông Hưng A',
      doc: BLANK_DOC,
      printedAt,
      compress: false,
    });
    expect(pageCount(pdf)).toBe(1);
    const text = pdfText(pdf);
    expect(text).toContain(squash('TRƯỜNG THCS ĐÔNG HƯNG A'));
    expect(text).toContain(squash('Số đến: 12'));
    expect(text.match(/Ngày\.+tháng\.+năm\.+/g)).toHaveLength(3);
    expect(text).not.toContain(squash('Độ khẩn'));
    expect(text).not.toContain(squash('Chủ trì'));
  });

  it('compresses by default', async () => {
    const pdf = await renderProcessingSlip({ organName: '', unitName: 'X', doc: BLANK_DOC, printedAt });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/FlateDecode');
  });
});

describe('renderIncomingXlsx', () => {
  const meta = {
    title: 'Danh sách văn bản đến',
    unitName: 'Phòng Giáo dục và Đào tạo huyện An Minh',
    filters: 'Từ ngày 01/03/2026 đến ngày 31/03/2026',
    generatedAt: new Date('2026-03-31T16:30:00.000Z'),
  };

  async function read(buffer: Buffer): Promise<ExcelJS.Worksheet> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    return wb.worksheets[0];
  }

  it('writes the rows under a titled, filtered, frozen header in register order', async () => {
    const ws = await read(await renderIncomingXlsx(XLSX_ROWS, meta));
    expect(ws.name).toBe('Văn bản đến');
    expect(ws.getCell('A1').text).toBe('PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN AN MINH');
    expect(ws.getCell('A2').text).toBe('DANH SÁCH VĂN BẢN ĐẾN');
    expect(ws.getCell('A3').text).toContain('Từ ngày 01/03/2026 đến ngày 31/03/2026');
    // 16:30 UTC on 31 March is 23:30 the same day in Vietnam.
    expect(ws.getCell('A4').text).toContain('31/03/2026 23:30');
    expect(ws.getCell('A4').text).toContain('7 văn bản');

    const header = ws.getRow(INCOMING_XLSX_HEADER_ROW).values as unknown[];
    expect(header.slice(1)).toEqual([
      'Ngày đến',
      'Số đến',
      'Tác giả',
      'Số, ký hiệu',
      'Ngày văn bản',
      'Tên loại và trích yếu',
      'Độ khẩn',
      'Độ mật',
      'Hạn xử lý',
      'Trạng thái',
      'Người chủ trì',
      'Đơn vị',
    ]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: INCOMING_XLSX_HEADER_ROW });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.rowCount).toBe(INCOMING_XLSX_HEADER_ROW + XLSX_ROWS.length);

    const first = ws.getRow(INCOMING_XLSX_HEADER_ROW + 1);
    const arrival = first.getCell(1);
    expect(arrival.type).toBe(ExcelJS.ValueType.Date);
    expect(arrival.value).toEqual(new Date(Date.UTC(2026, 2, 5)));
    expect(arrival.numFmt).toBe('dd/mm/yyyy');
    expect(first.getCell(2).value).toBe(7);
    expect(first.getCell(2).numFmt).toBe('00');
    expect(first.getCell(3).text).toBe('Sở Giáo dục và Đào tạo tỉnh Kiên Giang');
    expect(first.getCell(4).text).toBe('125/KH-SGDĐT');
    expect(first.getCell(5).value).toEqual(new Date(Date.UTC(2026, 1, 27)));
    expect(first.getCell(6).text).toMatch(/^Kế hoạch Tổ chức Hội khỏe Phù Đổng/);
    expect(first.getCell(6).alignment?.wrapText).toBe(true);
    expect(first.getCell(7).text).toBe('Thượng khẩn');
    expect(first.getCell(9).value).toEqual(new Date(Date.UTC(2026, 2, 20)));
    expect(first.getCell(11).text).toBe('Nguyễn Hoàng Yến');
    expect(first.getCell(12).text).toBe('Phòng Giáo dục và Đào tạo huyện An Minh');

    const second = ws.getRow(INCOMING_XLSX_HEADER_ROW + 2);
    expect(second.getCell(5).value).toBeNull();
    expect(second.getCell(8).text).toBe('Mật');

    const statuses = XLSX_ROWS.map((_, i) => ws.getRow(INCOMING_XLSX_HEADER_ROW + 1 + i).getCell(10).text);
    expect(statuses).toEqual([
      'Đang xử lý',
      'Chờ phân loại',
      'Quá hạn',
      'Hoàn thành',
      'Chờ chỉ đạo',
      'Đã trả lại',
      'Đã hủy',
    ]);
  });

  it('writes a header and no rows for an empty result', async () => {
    const ws = await read(await renderIncomingXlsx([], { ...meta, filters: '' }));
    expect(ws.getCell('A3').text).toBe('');
    expect(ws.getRow(INCOMING_XLSX_HEADER_ROW).getCell(1).text).toBe('Ngày đến');
    expect(ws.rowCount).toBe(INCOMING_XLSX_HEADER_ROW);
  });

  it('has a width for every column', () => {
    expect(INCOMING_XLSX_COLUMNS.every((c) => c.width >= 9)).toBe(true);
  });
});

describe('render helpers', () => {
  it('words every status and marks only open documents overdue', () => {
    expect(Object.values(INCOMING_STATUS_WORDS)).toHaveLength(6);
    expect(statusWord({ status: 'in_progress', overdue: true })).toBe(OVERDUE_WORD);
    expect(statusWord({ status: 'done', overdue: true })).toBe('Hoàn thành');
  });

  it('does not repeat the type already at the start of the subject', () => {
    expect(typeAndSubject('Công văn', 'V/v tuyển sinh')).toBe('Công văn V/v tuyển sinh');
    expect(typeAndSubject('Kế hoạch', 'Kế hoạch tuyển sinh')).toBe('Kế hoạch tuyển sinh');
  });

  it('writes dates in Vietnam time, ND30 style in words', () => {
    expect(formatVnDate('2026-01-31T18:00:00.000Z')).toBe('01/02/2026');
    expect(formatVnDate('2026-02-03')).toBe('03/02/2026');
    expect(formatVnDate(null)).toBe('');
    expect(formatVnLongDate('2026-02-03')).toBe('ngày 03 tháng 02 năm 2026');
    expect(formatVnLongDate('2026-11-09')).toBe('ngày 09 tháng 11 năm 2026');
    expect(vnExcelDate('2026-01-31T18:00:00.000Z')).toEqual(new Date(Date.UTC(2026, 1, 1)));
  });
});

describe('filterWords', () => {
  it('names the search filters in Vietnamese and leaves out paging and sorting', async () => {
    const { filterWords } = await import('./labels');
    expect(filterWords({ q: 'ke hoach', status: 'overdue', from: '2026-11-01', page: 2, sort: 'priority' })).toBe(
      'Trích yếu: ke hoach; Trạng thái: Quá hạn; Từ ngày: 01/11/2026',
    );
    expect(filterWords({})).toBe('');
  });
});

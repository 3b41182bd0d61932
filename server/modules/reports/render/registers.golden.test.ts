import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { REGISTER_KINDS, type TRegisterKind } from '../../../../contracts/reports';
import { renderRegisterPdf } from './register-pdf';
import { paperText, REGISTER_SPECS, type RegisterDocument } from './register-specs';
import { REGISTER_XLSX_FIRST_DATA_ROW, REGISTER_XLSX_HEADER_ROW, renderRegisterXlsx } from './register-xlsx';
import { FIXTURE_ROWS, fixtureDocument } from './registers.fixtures';

/**
 * Golden tests of the six printed registers: known rows are rendered, then read back from the
 * PDF's text layer (pdf.js, what a reader copies out) and from the workbook's cells. The PDF pages
 * are also rendered to PNG under out/registers/ for a person to look at.
 */

const OUT = path.resolve('out/registers');

interface Item {
  text: string;
  x: number;
  y: number;
  right: number;
}

/** Text items of every page, with their left, right and baseline positions. */
async function pdfPages(pdf: Buffer): Promise<Item[][]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false }).promise;
  const pages: Item[][] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    pages.push(
      content.items
        .filter(
          (i): i is (typeof content.items)[number] & { str: string; transform: number[]; width: number } =>
            'str' in i && i.str.trim() !== '',
        )
        .map((i) => ({ text: i.str, x: i.transform[4], y: i.transform[5], right: i.transform[4] + i.width })),
    );
  }
  await doc.destroy();
  return pages;
}

const squash = (s: string) => s.replace(/\s+/g, '');
const pageText = (items: Item[]) => squash(items.map((i) => i.text).join(''));

/** Reading order: top to bottom, then left to right. */
const byLines = (a: Item, b: Item) => (Math.abs(a.y - b.y) > 2 ? b.y - a.y : a.x - b.x);

/** Left/right padding plus the rule of a table cell (register-pdf.ts TABLE_LAYOUT). */
const CELL_EXTRA = 6;

/**
 * The table of one page split into columns: the column-number row "(1) (2) …" gives each
 * column's centre, the widths of the spec its edges (the '*' column's from its neighbours);
 * each item goes to the column its left edge is in. Heading items sit above the number row,
 * data items below it (above the footer).
 */
function columnsOf(items: Item[], widths: readonly (number | '*')[]) {
  const count = widths.length;
  const marks = Array.from({ length: count }, (_, i) => items.find((it) => it.text.trim() === `(${i + 1})`));
  if (marks.some((m) => !m)) return null;
  const centres = marks.map((m) => ((m as Item).x + (m as Item).right) / 2);
  const numbersY = (marks[0] as Item).y;
  const bounds = centres.slice(1).map((c, i) => {
    const w = widths[i];
    const next = widths[i + 1];
    return w !== '*' ? centres[i] + (w + CELL_EXTRA) / 2 : c - ((next as number) + CELL_EXTRA) / 2;
  });
  const columnOf = (it: Item) => {
    const i = bounds.findIndex((b) => it.x < b);
    return i === -1 ? count - 1 : i;
  };
  const heading: Item[][] = Array.from({ length: count }, () => []);
  const data: Item[][] = Array.from({ length: count }, () => []);
  for (const it of items) {
    if (/^\(\d+\)$/.test(it.text.trim())) continue;
    // The running title is in the top margin (above 560 pt); the page number in the bottom one.
    if (it.y > numbersY && it.y < 560) heading[columnOf(it)].push(it);
    else if (it.y < numbersY && it.y > 40) data[columnOf(it)].push(it);
  }
  const join = (list: Item[]) =>
    squash(
      [...list]
        .sort(byLines)
        .map((i) => i.text)
        .join(''),
    );
  return { centres, heading: heading.map(join), data: data.map(join) };
}

async function xlsxSheet(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

function pdftoppmAvailable(): boolean {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const rendered = new Map<TRegisterKind, Buffer>();
async function pdfOf(kind: TRegisterKind): Promise<Buffer> {
  const cached = rendered.get(kind);
  if (cached) return cached;
  const pdf = await renderRegisterPdf(fixtureDocument(kind));
  rendered.set(kind, pdf);
  return pdf;
}

describe.each(REGISTER_KINDS)('register %s', (kind) => {
  const spec = REGISTER_SPECS[kind];
  const doc: RegisterDocument = fixtureDocument(kind);
  const expectedColumn = (i: number, rows = doc.rows) =>
    squash(rows.map((r) => paperText(spec.columns[i], r[i] ?? null)).join(''));

  it('prints a cover with the organ, the register name and the year, in Tinos', async () => {
    const pdf = await pdfOf(kind);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]+\+Tinos-Bold/);
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]+\+Tinos\n/);
    expect(pdf.toString('latin1')).not.toMatch(/\/BaseFont \/(Helvetica|Times)/);
    const [cover] = await pdfPages(pdf);
    const text = pageText(cover);
    expect(text).toContain(squash('PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN AN MINH'));
    expect(text).toContain(squash('TRƯỜNG THCS AN MINH'));
    expect(text).toContain(squash(spec.name.toLocaleUpperCase('vi')));
    expect(text).toContain(squash('Năm: 2026'));
    expect(text).toContain(squash('Từ ngày 01/03/2026 đến ngày 31/03/2026'));
    expect(text).toContain(squash('In ngày 12/03/2026 10:05'));
    // The organ's name is the ND30 header's first line; the unit's name is bold under it.
    const organ = cover.find((i) => i.text.includes('PHÒNG GIÁO DỤC'));
    const unit = cover.find((i) => i.text.includes('TRƯỜNG THCS'));
    expect(organ && unit && organ.y > unit.y).toBe(true);
  });

  it('prints the headings in the order of ND30, then every row in its column', async () => {
    const pages = await pdfPages(await pdfOf(kind));
    const table = pages.slice(1);
    expect(table.length).toBeGreaterThan(0);
    for (const [n, items] of table.entries()) {
      const cols = columnsOf(
        items,
        spec.columns.map((c) => c.pdfWidth),
      );
      expect(cols, `column numbers on page ${n + 2}`).not.toBeNull();
      if (!cols) continue;
      // Left to right, (1) … (n), and each heading over its own column — on every page.
      expect(cols.centres).toEqual([...cols.centres].sort((a, b) => a - b));
      expect(cols.heading).toEqual(spec.columns.map((c) => squash(c.header)));
      expect(pageText(items)).toContain(squash(`Trang ${n + 2}/${pages.length}`));
      expect(pageText(items)).toContain(squash(`Trường THCS An Minh — ${spec.name} năm 2026`));
    }
    if (table.length === 1) {
      const cols = columnsOf(
        table[0],
        spec.columns.map((c) => c.pdfWidth),
      );
      spec.columns.forEach((_, i) => {
        expect(cols?.data[i], `column ${i + 1} (${spec.columns[i].header})`).toBe(expectedColumn(i));
      });
    }
  });

  it('writes the same columns and values to the workbook', async () => {
    const ws = await xlsxSheet(await renderRegisterXlsx(doc));
    expect(ws.getCell('A1').text).toBe('PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN AN MINH');
    expect(ws.getCell('A2').text).toBe('TRƯỜNG THCS AN MINH');
    expect(ws.getCell('A3').text).toBe(spec.name.toLocaleUpperCase('vi'));
    expect(ws.getCell('A4').text).toBe('Năm: 2026');
    expect((ws.getRow(REGISTER_XLSX_HEADER_ROW).values as unknown[]).slice(1)).toEqual(
      spec.columns.map((c) => c.header),
    );
    expect((ws.getRow(REGISTER_XLSX_HEADER_ROW + 1).values as unknown[]).slice(1)).toEqual(
      spec.columns.map((_, i) => `(${i + 1})`),
    );
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: REGISTER_XLSX_HEADER_ROW + 1 });
    expect(ws.rowCount).toBe(REGISTER_XLSX_FIRST_DATA_ROW - 1 + doc.rows.length);
    doc.rows.forEach((row, r) => {
      const cells = ws.getRow(REGISTER_XLSX_FIRST_DATA_ROW + r);
      spec.columns.forEach((c, i) => {
        const cell = cells.getCell(i + 1);
        const value = row[i] ?? null;
        if (value === null) expect(cell.value).toBeNull();
        else if (c.kind === 'date') {
          expect(cell.value).toEqual(new Date(`${value}T00:00:00.000Z`));
          expect(cell.numFmt).toBe('dd/mm/yyyy');
        } else if (c.kind === 'number2') {
          expect(cell.value).toBe(value);
          expect(cell.numFmt).toBe('00');
        } else expect(cell.value).toBe(value);
      });
    });
  });
});

describe('a register over several pages', () => {
  it('repeats the headings on every page and never splits a row', async () => {
    const spec = REGISTER_SPECS['incoming-register'];
    const doc = fixtureDocument('incoming-register');
    const pages = (await pdfPages(await pdfOf('incoming-register'))).slice(1);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const seen: number[] = [];
    for (const items of pages) {
      const cols = columnsOf(
        items,
        spec.columns.map((c) => c.pdfWidth),
      );
      if (!cols) throw new Error('no column numbers');
      // The arrival numbers on this page; every other column of the page holds exactly their rows.
      const numbers = [...cols.data[1].matchAll(/\d{2}/g)].map((m) => Number(m[0]));
      const rows = doc.rows.filter((r) => numbers.includes(Number(r[1])));
      expect(rows.length).toBe(numbers.length);
      spec.columns.forEach((c, i) => {
        expect(cols.data[i], `${c.header} on a page`).toBe(
          squash(rows.map((r) => paperText(c, r[i] ?? null)).join('')),
        );
      });
      seen.push(...numbers);
    }
    expect(seen).toEqual(doc.rows.map((r) => r[1]));
    // Vietnamese text survives whole: no replacement characters anywhere.
    expect(pages.flat().some((i) => i.text.includes('\uFFFD'))).toBe(false);
  });

  it('prints an empty register with a line saying so', async () => {
    const pages = await pdfPages(await renderRegisterPdf(fixtureDocument('incoming-short', [])));
    expect(pages).toHaveLength(2);
    expect(pageText(pages[1])).toContain(squash('Không có văn bản nào trong khoảng thời gian này.'));
    expect(pageText(pages[0])).not.toContain(squash('Từ số'));
  });

  it('carries a row taller than a page over to the next page rather than losing it', async () => {
    const long = Array.from({ length: 260 }, (_, i) => `Ý kiến thứ ${i + 1} về việc tổ chức thực hiện.`).join(' ');
    const doc = fixtureDocument('incoming-short', [
      [1, '2026-03-02', 'Ủy ban nhân dân huyện An Minh', '37/UBND-VX', long, 'Lâm Quốc Bảo'],
    ]);
    const pages = await pdfPages(await renderRegisterPdf(doc));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const text = pages.slice(1).map(pageText).join('');
    expect(text).toContain(squash('Ý kiến thứ 1 về việc'));
    expect(text).toContain(squash('Ý kiến thứ 260 về việc tổ chức thực hiện.'));
  });

  it('marks a secret register on its cover', async () => {
    const pages = await pdfPages(await renderRegisterPdf({ ...fixtureDocument('incoming-short'), secret: true }));
    expect(pageText(pages[0])).toContain('(MẬT)');
    expect(pageText(pages[1])).toContain(squash('Sổ công văn đến (rút gọn) năm 2026 (mật)'));
  });
});

describe.skipIf(!pdftoppmAvailable())('pictures of the registers', () => {
  it('renders every page of every register to PNG under out/registers/', async () => {
    mkdirSync(OUT, { recursive: true });
    for (const f of readdirSync(OUT)) rmSync(path.join(OUT, f));
    for (const kind of REGISTER_KINDS) {
      const file = path.join(OUT, `${kind}.pdf`);
      writeFileSync(file, await pdfOf(kind));
      execFileSync('pdftoppm', ['-r', '80', '-png', file, path.join(OUT, kind)]);
    }
    const pngs = readdirSync(OUT).filter((f) => f.endsWith('.png'));
    expect(pngs.length).toBeGreaterThanOrEqual(REGISTER_KINDS.length * 2);
  });
});

it('has rows for every register in the fixtures', () => {
  for (const kind of REGISTER_KINDS)
    for (const row of FIXTURE_ROWS[kind]) expect(row).toHaveLength(REGISTER_SPECS[kind].columns.length);
});

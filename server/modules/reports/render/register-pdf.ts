import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { formatVnDateTime } from '../../incoming/render/vn-dates';
import {
  padNumber,
  paperText,
  periodLine,
  REGISTER_SPECS,
  type RegisterDocument,
  registerTitle,
} from './register-specs';
import { TextWrapper } from './text-wrap';

/**
 * The printed register, drawn with pdfkit (the engine under pdfmake) rather than through
 * pdfmake's layout: a register is one long table of fixed columns, and laying it out directly
 * makes 10,000 rows about 2.5 times faster (bench/registers.ts) — the difference between a
 * clerk waiting 4 seconds and 10. The rules of the printed book are kept by hand: the headings
 * and column numbers repeat at the top of every page, a row never splits across pages, pages
 * are numbered "Trang n/N", and the fonts are the embedded Tinos faces of server/assets/fonts.
 */

const FONT_DIR = fileURLToPath(new URL('../../../assets/fonts/', import.meta.url));
/** Faces by file: pdfkit keeps a font opened by its path (a registered name is parsed again on every switch). */
const FACES = {
  regular: `${FONT_DIR}Tinos-Regular.ttf`,
  bold: `${FONT_DIR}Tinos-Bold.ttf`,
  italic: `${FONT_DIR}Tinos-Italic.ttf`,
} as const;

// A4 landscape: 20 mm on the bound (left) side, 15 mm elsewhere.
const PAGE_WIDTH = 841.89;
const PAGE_HEIGHT = 595.28;
const MARGIN = { left: 57, right: 42, top: 40, bottom: 40 };
const CONTENT_WIDTH = PAGE_WIDTH - MARGIN.left - MARGIN.right;
const TABLE_BOTTOM = PAGE_HEIGHT - MARGIN.bottom;
const BODY_SIZE = 10;
const RULE = 0.5;
const PADDING_X = 3;
const PADDING_Y = 2;

/**
 * The text width of each column: the '*' column takes what the fixed ones, the paddings and the
 * rules leave of the page width.
 */
function contentWidths(widths: readonly (number | '*')[]): number[] {
  const fixed = widths.reduce<number>((n, w) => n + (w === '*' ? 0 : w), 0);
  const stars = widths.filter((w) => w === '*').length;
  const star = stars ? (CONTENT_WIDTH - widths.length * 2 * PADDING_X - fixed) / stars : 0;
  return widths.map((w) => (w === '*' ? star : w));
}

type Face = keyof typeof FACES;
type Align = 'left' | 'center';

/** A cell broken into lines, in a face. */
interface Cell {
  lines: string[];
  face: Face;
  align: Align;
}

/** Draws a register: holds the pdfkit document, the wrappers of each face and the column geometry. */
class RegisterWriter {
  readonly pdf: PDFKit.PDFDocument;
  private readonly wrappers: Record<Face, TextWrapper>;
  private readonly widths: number[];
  private readonly lefts: number[];
  private readonly lineHeight: number;
  private y = 0;
  /** True on a page that has only its headings so far. */
  private fresh = false;

  constructor(
    private readonly doc: RegisterDocument,
    compress: boolean,
  ) {
    const title = registerTitle(doc.kind, doc.year, doc.secret);
    this.pdf = new PDFDocument({
      size: 'A4',
      layout: 'landscape',
      margins: MARGIN,
      autoFirstPage: false,
      bufferPages: true,
      compress,
      font: FACES.regular,
      info: { Title: title, Author: doc.unitName, Creator: 'CloudOffice', Producer: 'CloudOffice' },
    });
    this.wrappers = {
      regular: new TextWrapper(FACES.regular, BODY_SIZE),
      bold: new TextWrapper(FACES.bold, BODY_SIZE),
      italic: new TextWrapper(FACES.italic, BODY_SIZE),
    };
    this.widths = contentWidths(REGISTER_SPECS[doc.kind].columns.map((c) => c.pdfWidth));
    this.lefts = [];
    let x = MARGIN.left;
    for (const w of this.widths) {
      this.lefts.push(x);
      x += w + 2 * PADDING_X;
    }
    this.lineHeight = this.pdf.font(FACES.regular).fontSize(BODY_SIZE).currentLineHeight(true);
  }

  /** Centred lines on the cover. */
  private centred(text: string, face: Face, size: number, y: number): number {
    this.pdf.font(FACES[face]).fontSize(size).text(text, MARGIN.left, y, { width: CONTENT_WIDTH, align: 'center' });
    return this.pdf.y;
  }

  /** The cover (bìa sổ): the organ as in an ND30 header, the register's name, the year, the period, the numbers. */
  cover(): void {
    const { doc, pdf } = this;
    pdf.addPage();
    let y = MARGIN.top;
    if (doc.organName) y = this.centred(doc.organName.toLocaleUpperCase('vi'), 'regular', 13, y);
    y = this.centred(doc.unitName.toLocaleUpperCase('vi'), 'bold', 13, y);
    // The short rule under the unit's name (ND30 Phụ lục I).
    const mid = MARGIN.left + CONTENT_WIDTH / 2;
    pdf
      .moveTo(mid - 60, y + 3)
      .lineTo(mid + 60, y + 3)
      .lineWidth(0.8)
      .stroke();
    y = 185;
    y = this.centred(REGISTER_SPECS[doc.kind].name.toLocaleUpperCase('vi'), 'bold', 28, y);
    if (doc.secret) y = this.centred('(MẬT)', 'bold', 18, y + 6);
    y = this.centred(`Năm: ${doc.year}`, 'bold', 18, y + 18);
    y = this.centred(periodLine(doc.from, doc.to), 'regular', 14, y + 28);
    if (doc.numbers)
      this.centred(`Từ số ${padNumber(doc.numbers.first)} đến số ${padNumber(doc.numbers.last)}`, 'regular', 14, y + 6);
    pdf
      .font(FACES.italic)
      .fontSize(BODY_SIZE)
      .text(`In ngày ${formatVnDateTime(doc.printedAt)}`, MARGIN.left, TABLE_BOTTOM - 14, {
        width: CONTENT_WIDTH,
        align: 'right',
      });
  }

  private cell(text: string, column: number, face: Face, align: Align): Cell {
    // Short texts (dates, numbers) never wrap; the rest break at the column's width.
    const lines = text.length > 8 ? this.wrappers[face].wrap(text, this.widths[column]) : [text];
    return { lines, face, align };
  }

  private heightOf(cells: Cell[]): number {
    return Math.max(1, ...cells.map((c) => c.lines.length)) * this.lineHeight + 2 * PADDING_Y;
  }

  /** Draws one table row at the current position: texts, then the rules around every cell. */
  private row(cells: Cell[], fill?: string): void {
    const { pdf } = this;
    const height = this.heightOf(cells);
    const right = MARGIN.left + CONTENT_WIDTH;
    if (fill) pdf.rect(MARGIN.left, this.y, CONTENT_WIDTH, height).fill(fill).fillColor('black');
    let face: Face | null = null;
    cells.forEach((c, i) => {
      if (c.face !== face) {
        pdf.font(FACES[c.face]).fontSize(BODY_SIZE);
        face = c.face;
      }
      let ly = this.y + PADDING_Y;
      for (const line of c.lines) {
        const indent = c.align === 'center' ? (this.widths[i] - this.wrappers[c.face].width(line)) / 2 : 0;
        if (line) pdf.text(line, this.lefts[i] + PADDING_X + Math.max(0, indent), ly, { lineBreak: false });
        ly += this.lineHeight;
      }
    });
    pdf.moveTo(MARGIN.left, this.y).lineTo(right, this.y);
    pdf.moveTo(MARGIN.left, this.y + height).lineTo(right, this.y + height);
    for (const x of [...this.lefts, right]) pdf.moveTo(x, this.y).lineTo(x, this.y + height);
    pdf.lineWidth(RULE).stroke();
    this.y += height;
    this.fresh = false;
  }

  /** A new page with the headings and the column numbers (1) … (n) at its top. */
  private page(): void {
    const { columns } = REGISTER_SPECS[this.doc.kind];
    this.pdf.addPage();
    this.y = MARGIN.top;
    this.row(
      columns.map((c, i) => this.cell(c.header, i, 'bold', 'center')),
      '#eeeeee',
    );
    this.row(columns.map((_, i) => ({ lines: [`(${i + 1})`], face: 'italic', align: 'center' })));
    this.fresh = true;
  }

  /** The table of the register, page after page; a row that does not fit goes whole to the next page. */
  table(): void {
    const { columns } = REGISTER_SPECS[this.doc.kind];
    this.page();
    for (const r of this.doc.rows) {
      let cells = columns.map((c, i) =>
        this.cell(paperText(c, r[i] ?? null), i, 'regular', c.center ? 'center' : 'left'),
      );
      for (;;) {
        if (this.y + this.heightOf(cells) <= TABLE_BOTTOM) {
          this.row(cells);
          break;
        }
        if (!this.fresh) {
          this.page();
          continue;
        }
        // Taller than a whole page (a very long note): what fits here, the rest on the next page.
        const fit = Math.max(1, Math.floor((TABLE_BOTTOM - this.y - 2 * PADDING_Y) / this.lineHeight));
        this.row(cells.map((c) => ({ ...c, lines: c.lines.slice(0, fit) })));
        cells = cells.map((c) => ({ ...c, lines: c.lines.slice(fit) }));
        this.page();
      }
    }
    if (this.doc.rows.length === 0) {
      const height = this.lineHeight + 4 * PADDING_Y;
      this.pdf
        .font(FACES.italic)
        .fontSize(BODY_SIZE)
        .text('Không có văn bản nào trong khoảng thời gian này.', MARGIN.left, this.y + 2 * PADDING_Y, {
          width: CONTENT_WIDTH,
          align: 'center',
        });
      this.pdf.rect(MARGIN.left, this.y, CONTENT_WIDTH, height).lineWidth(RULE).stroke();
    }
  }

  /** The running title at the top and "Trang n/N" at the foot of every page but the cover. */
  margins(): void {
    const { pdf, doc } = this;
    const running = `${doc.unitName} — ${registerTitle(doc.kind, doc.year, doc.secret)} — ${periodLine(doc.from, doc.to)}`;
    const range = pdf.bufferedPageRange();
    for (let p = range.start + 1; p < range.start + range.count; p++) {
      pdf.switchToPage(p);
      // The page number sits in the bottom margin: let pdfkit write there without starting a page.
      pdf.page.margins.bottom = 0;
      pdf
        .font(FACES.italic)
        .fontSize(9)
        .fillColor('#444444')
        .text(running, MARGIN.left, 20, { lineBreak: false })
        .fillColor('black')
        .font(FACES.regular)
        .text(`Trang ${p + 1}/${range.count}`, MARGIN.left, PAGE_HEIGHT - 26, {
          width: CONTENT_WIDTH,
          align: 'center',
          lineBreak: false,
        });
    }
  }
}

/** A printed register as a PDF: the cover, then the table on A4 landscape pages. */
export function renderRegisterPdf(doc: RegisterDocument, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const writer = new RegisterWriter(doc, opts.compress ?? true);
  const { pdf } = writer;
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  writer.cover();
  writer.table();
  writer.margins();
  pdf.end();
  return done;
}

import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { renderPdf, SERIF } from '../../../platform/pdf/pdf';
import { formatVnDateTime } from '../../incoming/render/vn-dates';
import { TextWrapper } from './text-wrap';
import {
  padNumber,
  paperText,
  periodLine,
  REGISTER_SPECS,
  type RegisterDocument,
  registerTitle,
} from './register-specs';

// A4 landscape: 20 mm on the bound (left) side, 15 mm elsewhere (ND30 Phụ lục I margins, landscape).
const PAGE_WIDTH = 841.89;
const MARGINS: [number, number, number, number] = [57, 40, 42, 40];
const CONTENT_WIDTH = PAGE_WIDTH - MARGINS[0] - MARGINS[2];
const BODY_SIZE = 10;

const RULE = 0.5;
const PADDING_X = 3;

/** Thin ruled table with tight padding, so the subject column keeps its width. */
const TABLE_LAYOUT = {
  hLineWidth: () => RULE,
  vLineWidth: () => RULE,
  paddingLeft: () => PADDING_X,
  paddingRight: () => PADDING_X,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/**
 * The text width of each column as pdfmake lays the table out: the '*' column takes what the
 * fixed ones, the paddings and the rules leave of the page (less a hair, so a pre-broken line
 * never meets the edge).
 */
export function contentWidths(widths: readonly (number | '*')[]): number[] {
  const offsets = widths.length * (RULE + 2 * PADDING_X) + RULE;
  const fixed = widths.reduce<number>((n, w) => n + (w === '*' ? 0 : w), 0);
  const stars = widths.filter((w) => w === '*').length;
  const star = stars ? (CONTENT_WIDTH - offsets - fixed) / stars : 0;
  return widths.map((w) => (w === '*' ? star : w) - 0.5);
}

/** The cover (bìa sổ): the organ as in an ND30 header, the register's name, the year, the period. */
function cover(doc: RegisterDocument): Content[] {
  const spec = REGISTER_SPECS[doc.kind];
  const unit = doc.unitName.toLocaleUpperCase('vi');
  return [
    {
      stack: [
        ...(doc.organName ? [{ text: doc.organName.toLocaleUpperCase('vi'), fontSize: 13 }] : []),
        { text: unit, bold: true, fontSize: 13 },
        // The short rule under the unit's name (ND30 Phụ lục I), centred on the page.
        {
          canvas: [
            { type: 'line', x1: CONTENT_WIDTH / 2 - 60, y1: 0, x2: CONTENT_WIDTH / 2 + 60, y2: 0, lineWidth: 0.8 },
          ],
          margin: [0, 6, 0, 0],
        },
      ],
      alignment: 'center',
    },
    {
      stack: [
        { text: spec.name.toLocaleUpperCase('vi'), bold: true, fontSize: 28, characterSpacing: 0.5 },
        ...(doc.secret ? [{ text: '(MẬT)', bold: true, fontSize: 18, margin: [0, 6, 0, 0] } as Content] : []),
        { text: `Năm: ${doc.year}`, bold: true, fontSize: 18, margin: [0, 18, 0, 0] },
        { text: periodLine(doc.from, doc.to), fontSize: 14, margin: [0, 28, 0, 0] },
        ...(doc.numbers
          ? [
              {
                text: `Từ số ${padNumber(doc.numbers.first)} đến số ${padNumber(doc.numbers.last)}`,
                fontSize: 14,
                margin: [0, 6, 0, 0],
              } as Content,
            ]
          : []),
      ],
      alignment: 'center',
      margin: [0, 120, 0, 0],
    },
    {
      text: `In ngày ${formatVnDateTime(doc.printedAt)}`,
      italics: true,
      fontSize: 10,
      alignment: 'right',
      absolutePosition: { x: MARGINS[0], y: 595.28 - MARGINS[3] - 14 },
      width: CONTENT_WIDTH,
    } as Content,
  ];
}

/** The table: the headings and the column numbers repeat on every page; a row never splits. */
function table(doc: RegisterDocument): Content {
  const { columns } = REGISTER_SPECS[doc.kind];
  const headings: TableCell[] = columns.map((c) => ({ text: c.header, bold: true, alignment: 'center' }));
  const numbers: TableCell[] = columns.map((_, i) => ({ text: `(${i + 1})`, italics: true, alignment: 'center' }));
  const body: TableCell[][] = [headings, numbers];
  const center = columns.map((c) => c.center === true);
  const widths = contentWidths(columns.map((c) => c.pdfWidth));
  const wrapper = new TextWrapper(BODY_SIZE);
  for (const row of doc.rows) {
    const cells: TableCell[] = new Array(columns.length);
    for (let i = 0; i < columns.length; i++) {
      const text = paperText(columns[i], row[i] ?? null);
      // Broken into lines here, each laid out by pdfmake as one piece (see text-wrap.ts).
      const lines = text.length > 8 ? wrapper.wrap(text, widths[i]) : [text];
      const cell: TableCell =
        lines.length === 1 ? { text: lines[0], noWrap: true } : { stack: lines.map((l) => ({ text: l, noWrap: true })) };
      if (center[i]) (cell as { alignment?: string }).alignment = 'center';
      cells[i] = cell;
    }
    body.push(cells);
  }
  if (doc.rows.length === 0) {
    body.push([
      {
        text: 'Không có văn bản nào trong khoảng thời gian này.',
        colSpan: columns.length,
        italics: true,
        alignment: 'center',
        margin: [0, 6, 0, 6],
      },
      ...columns.slice(1).map(() => ({})),
    ]);
  }
  return {
    table: {
      headerRows: 2,
      dontBreakRows: true,
      widths: columns.map((c) => c.pdfWidth),
      body,
    },
    layout: TABLE_LAYOUT,
  };
}

/** The pdfmake definition of a printed register (A4 landscape, Tinos, cover page then the table). */
export function registerDefinition(doc: RegisterDocument, compress = true): TDocumentDefinitions {
  const title = registerTitle(doc.kind, doc.year, doc.secret);
  const running = `${doc.unitName} — ${title} — ${periodLine(doc.from, doc.to)}`;
  return {
    compress,
    info: { title, author: doc.unitName, creator: 'CloudOffice', producer: 'CloudOffice' },
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: MARGINS,
    defaultStyle: { font: SERIF, fontSize: BODY_SIZE },
    header: (page: number) =>
      page === 1
        ? null
        : { text: running, italics: true, fontSize: 9, color: '#444444', margin: [MARGINS[0], 20, MARGINS[2], 0] },
    footer: (page: number, pages: number) =>
      page === 1 ? null : { text: `Trang ${page}/${pages}`, fontSize: 9, alignment: 'center', margin: [0, 14, 0, 0] },
    content: [...cover(doc), { text: '', pageBreak: 'after' }, table(doc)],
  };
}

/** A printed register as a PDF. */
export function renderRegisterPdf(doc: RegisterDocument, opts: { compress?: boolean } = {}): Promise<Buffer> {
  return renderPdf(registerDefinition(doc, opts.compress ?? true));
}

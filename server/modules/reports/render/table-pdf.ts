import type { Content, TableCell } from 'pdfmake/interfaces';
import { renderPdf, SERIF } from '../../../platform/pdf/pdf';
import { formatVnDateTime } from '../../incoming/render/vn-dates';
import type { TableReport, TableSection } from './table-report';

const LAYOUT = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

const number = new Intl.NumberFormat('vi-VN');

function cell(value: string | number | null, numeric: boolean, bold = false): TableCell {
  const text = value === null ? '' : typeof value === 'number' ? number.format(value) : value;
  return { text, alignment: numeric ? 'right' : 'left', bold };
}

function section(s: TableSection): Content[] {
  const body: TableCell[][] = [
    s.columns.map((c) => ({ text: c.header, bold: true, alignment: 'center', fillColor: '#eeeeee' })),
    ...s.rows.map((r) => s.columns.map((c, i) => cell(r[i] ?? null, c.numeric === true))),
  ];
  if (s.total) body.push(s.columns.map((c, i) => cell(s.total?.[i] ?? null, c.numeric === true, true)));
  if (s.rows.length === 0)
    body.push([
      { text: 'Không có số liệu.', colSpan: s.columns.length, italics: true, alignment: 'center' },
      ...s.columns.slice(1).map(() => ({})),
    ]);
  return [
    { text: s.title, bold: true, fontSize: 12, margin: [0, 12, 0, 4] },
    {
      table: { headerRows: 1, dontBreakRows: true, widths: s.columns.map((c) => c.width), body },
      layout: LAYOUT,
    },
    ...(s.note ? [{ text: s.note, italics: true, fontSize: 9, margin: [0, 3, 0, 0] } as Content] : []),
  ];
}

/** A report of titled tables as a PDF (A4, Tinos), with the organ header of ND30 and page numbers. */
export function renderTablePdf(report: TableReport, opts: { compress?: boolean } = {}): Promise<Buffer> {
  return renderPdf({
    compress: opts.compress ?? true,
    info: { title: report.title, author: report.unitName, creator: 'CloudOffice', producer: 'CloudOffice' },
    pageSize: 'A4',
    pageOrientation: report.orientation,
    pageMargins: [57, 42, 42, 42],
    defaultStyle: { font: SERIF, fontSize: 10 },
    footer: (page: number, pages: number) => ({
      text: `Trang ${page}/${pages}`,
      fontSize: 9,
      alignment: 'center',
      margin: [0, 14, 0, 0],
    }),
    content: [
      {
        columns: [
          {
            width: 300,
            stack: [
              ...(report.organName ? [{ text: report.organName.toLocaleUpperCase('vi'), fontSize: 12 }] : []),
              { text: report.unitName.toLocaleUpperCase('vi'), bold: true, fontSize: 12 },
              {
                canvas: [{ type: 'line', x1: 100, y1: 0, x2: 200, y2: 0, lineWidth: 0.8 }],
                margin: [0, 5, 0, 0],
              },
            ],
            alignment: 'center',
          },
          { width: '*', text: '' },
        ],
      } as Content,
      {
        stack: [
          { text: report.title.toLocaleUpperCase('vi'), bold: true, fontSize: 15 },
          { text: report.subtitle, italics: true, margin: [0, 4, 0, 0] },
        ],
        alignment: 'center',
        margin: [0, 14, 0, 4],
      },
      ...report.sections.flatMap(section),
      {
        text: `Lập lúc ${formatVnDateTime(report.printedAt)}`,
        italics: true,
        fontSize: 9,
        alignment: 'right',
        margin: [0, 12, 0, 0],
      },
    ],
  });
}

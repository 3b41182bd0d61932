import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { addDays, formatVnDate, isoWeekday, vnDate } from '../../../../contracts/calendar';
import { groupWeek, isoWeekNumber, type TScheduleEntry, type TScheduleWeek } from '../../../../contracts/schedule';
import { renderPdf, SERIF } from '../../../platform/pdf/pdf';

/** What the printed "Lịch công tác tuần" shows. */
export interface WeekPdfInput {
  /** The managing organ above the unit ("Phòng Giáo dục và Đào tạo huyện An Minh"); empty at the root. */
  organName: string;
  unitName: string;
  week: TScheduleWeek;
  printedAt: Date;
  compress?: boolean;
}

const DAY_NAMES = ['', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'];
const SESSION_NAMES = { morning: 'Sáng', afternoon: 'Chiều' } as const;
const HEADERS = ['Thứ/ngày', 'Buổi', 'Thời gian', 'Nội dung', 'Chủ trì', 'Thành phần', 'Địa điểm', 'Đơn vị chuẩn bị'];
// A4 landscape, 15 mm margins: 799 pt of width for eight columns.
const MARGINS: [number, number, number, number] = [42, 42, 42, 42];
const WIDTHS = [62, 38, 44, '*', 90, 120, 90, 90];

function vnDayCell(day: string, rowSpan = 1): TableCell {
  return {
    rowSpan,
    stack: [
      { text: DAY_NAMES[isoWeekday(day)], bold: true },
      { text: formatVnDate(day).slice(0, 5), fontSize: 10 },
    ],
    alignment: 'center',
  };
}

function entryCells(e: TScheduleEntry): TableCell[] {
  return [
    { text: e.startTime ?? '', alignment: 'center' },
    { text: e.content },
    { text: e.chair ?? '' },
    { text: e.participants ?? '' },
    { text: e.location ?? '' },
    { text: e.preparingUnit ?? '' },
  ];
}

/**
 * Rows of the table: each day spans its lines, each session spans its own. Monday to Friday are
 * always printed (an empty day shows as such); Saturday and Sunday only when they have lines.
 */
export function weekRows(week: TScheduleWeek): TableCell[][] {
  const rows: TableCell[][] = [];
  for (const { day, sessions } of groupWeek(week.weekStart, week.entries)) {
    const filled = sessions.filter((s) => s.entries.length > 0);
    if (filled.length === 0) {
      if (isoWeekday(day) >= 6) continue;
      rows.push([vnDayCell(day), '', '', '', '', '', '', '']);
      continue;
    }
    const dayRows = filled.reduce((n, s) => n + s.entries.length, 0);
    let firstOfDay = true;
    for (const s of filled) {
      s.entries.forEach((e, i) => {
        const dayCell: TableCell = firstOfDay ? vnDayCell(day, dayRows) : {};
        const sessionCell: TableCell =
          i === 0 ? { text: SESSION_NAMES[s.session], rowSpan: s.entries.length, alignment: 'center' } : {};
        rows.push([dayCell, sessionCell, ...entryCells(e)]);
        firstOfDay = false;
      });
    }
  }
  return rows;
}

/** The week as the usual printed table, A4 landscape, in a Times-compatible serif. */
export function weekDocument(input: WeekPdfInput): TDocumentDefinitions {
  const { week } = input;
  const end = addDays(week.weekStart, 6);
  const header: Content = {
    columns: [
      {
        width: 320,
        stack: [
          ...(input.organName ? [{ text: input.organName.toUpperCase(), fontSize: 12 }] : []),
          { text: input.unitName.toUpperCase(), bold: true, fontSize: 12 },
        ],
        alignment: 'center',
      },
      { width: '*', text: '' },
      {
        width: 320,
        stack: [
          { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, fontSize: 12 },
          { text: 'Độc lập - Tự do - Hạnh phúc', bold: true, fontSize: 13 },
        ],
        alignment: 'center',
      },
    ],
  };
  const title: Content = {
    stack: [
      { text: 'LỊCH CÔNG TÁC TUẦN', bold: true, fontSize: 15 },
      {
        text: `Tuần ${isoWeekNumber(week.weekStart)} (Từ ngày ${formatVnDate(week.weekStart)} đến ngày ${formatVnDate(end)})`,
        italics: true,
      },
      ...(week.status === 'draft' ? [{ text: '(Bản nháp – chưa công bố)', italics: true, color: '#b00020' }] : []),
    ],
    alignment: 'center',
    margin: [0, 14, 0, 10],
  };
  const table: Content = {
    table: {
      headerRows: 1,
      widths: WIDTHS,
      dontBreakRows: true,
      body: [
        HEADERS.map((h) => ({ text: h, bold: true, alignment: 'center' as const, fillColor: '#eeeeee' })),
        ...weekRows(week),
      ],
    },
    layout: { paddingTop: () => 3, paddingBottom: () => 3, hLineWidth: () => 0.6, vLineWidth: () => 0.6 },
  };
  const published =
    week.status === 'published' && week.publishedAt && week.publishedBy
      ? [
          {
            text: `Đã công bố ngày ${formatVnDate(vnDate(new Date(week.publishedAt)))} – ${week.publishedBy.fullName}`,
            italics: true,
            fontSize: 10,
            alignment: 'right' as const,
            margin: [0, 8, 0, 0] as [number, number, number, number],
          },
        ]
      : [];
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: MARGINS,
    compress: input.compress ?? true,
    info: { title: `Lịch công tác tuần ${formatVnDate(week.weekStart)} – ${input.unitName}` },
    defaultStyle: { font: SERIF, fontSize: 11, lineHeight: 1.1 },
    footer: (page, pages) => ({ text: `${page}/${pages}`, alignment: 'center', fontSize: 9, margin: [0, 10, 0, 0] }),
    content: [header, title, table, ...published],
  };
}

/** Renders the week to a PDF buffer. */
export function renderWeekPdf(input: WeekPdfInput): Promise<Buffer> {
  return renderPdf(weekDocument(input));
}

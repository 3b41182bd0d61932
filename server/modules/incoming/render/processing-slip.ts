import type { Content, CustomTableLayout, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import {
  formatArrivalNumber,
  formatCode,
  type TAssignment,
  type TIncomingDetail,
  type TPersonRef,
} from '../../../../contracts/incoming';
import { typeAndSubject } from './labels';
import { renderPdf, SERIF } from '../../../platform/pdf/pdf';
import { formatVnDate, formatVnDateTime, formatVnLongDate } from './vn-dates';

/** What the "Phiếu giải quyết văn bản đến" shows. */
export interface ProcessingSlipInput {
  /** The managing organ's name line above the unit (e.g. "UBND HUYỆN AN MINH"); may be empty. */
  organName: string;
  unitName: string;
  doc: TIncomingDetail;
  printedAt: Date;
  /** Uncompressed PDF streams (tests read the text operators); default compressed. */
  compress?: boolean;
}

// A4 portrait; ND30 margins: left 30 mm, top, right and bottom 20 mm.
const MARGINS: [number, number, number, number] = [85, 57, 57, 57];
const CONTENT_WIDTH = 595.28 - MARGINS[0] - MARGINS[2];
// The right column fits the national name in 12 pt bold (249 pt); the left one a
// "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO" line (187 pt).
const HEADER_LEFT = 190;
const HEADER_GAP = 10;
const HEADER_RIGHT = CONTENT_WIDTH - HEADER_LEFT - HEADER_GAP;
/** Width of "Độc lập - Tự do - Hạnh phúc" in Tinos Bold 13 pt: the line under it is as long (ND30 Phụ lục I). */
const MOTTO_WIDTH = 159;
const SECTION_BLANK_LINES = 4;
const LINE_STEP = 20;
/** One label column for the whole slip; fits "Tên loại và trích yếu:" in bold (118 pt) and its padding. */
const LABEL_WIDTH = 126;

/** Borderless label/value tables whose labels line up with the text's left edge. */
const LABELLED: CustomTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: (i) => (i === 0 ? 0 : 4),
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/** Dotted lines to write on by hand. */
function dottedLines(count: number): Content {
  return {
    canvas: Array.from({ length: count }, (_, i) => ({
      type: 'line' as const,
      x1: 0,
      y1: (i + 1) * LINE_STEP,
      x2: CONTENT_WIDTH,
      y2: (i + 1) * LINE_STEP,
      lineWidth: 0.6,
      dash: { length: 1, space: 2.5 },
    })),
    margin: [0, 0, 0, 6],
  };
}

/** The date-and-name block at the right under a section, blank to sign by hand when unknown. */
function signature(at: string | null, name: string | null): Content {
  const date = at ? formatVnLongDate(at) : 'ngày ...... tháng ...... năm ..........';
  return {
    columns: [
      { width: '*', text: '' },
      {
        width: 230,
        stack: [
          { text: date.charAt(0).toUpperCase() + date.slice(1), italics: true },
          ...(name ? [{ text: name, bold: true, margin: [0, 2, 0, 0] } as Content] : []),
        ],
        alignment: 'center',
      },
    ],
    // Room under a blank date for a handwritten signature.
    margin: [0, 6, 0, name ? 8 : 28],
    // Date and name stay together on one page.
    unbreakable: true,
  };
}

function heading(text: string): Content {
  return { text, bold: true, margin: [0, 10, 0, 4] };
}

function personName(p: TPersonRef, docUnit: string): string {
  const extra = [p.jobTitle, p.unitName !== docUnit ? p.unitName : null].filter(Boolean);
  return extra.length > 0 ? `${p.fullName} (${extra.join(', ')})` : p.fullName;
}

function personWithDue(a: TAssignment, docUnit: string): string {
  const due = a.dueDate ? ` – hạn ${formatVnDate(a.dueDate)}` : '';
  return `${personName(a.person, docUnit)}${due}`;
}

const ROLE_LABELS = [
  ['lead', 'Chủ trì:'],
  ['co', 'Phối hợp:'],
  ['info', 'Để biết:'],
] as const;

/** Rows "Chủ trì / Phối hợp / Để biết" with each person's due date. */
function roleRows(assignments: TAssignment[], docUnit: string): TableCell[][] {
  const rows: TableCell[][] = [];
  for (const [role, label] of ROLE_LABELS) {
    const people = assignments.filter((a) => a.role === role);
    if (people.length === 0) continue;
    rows.push([{ text: label, bold: true }, { stack: people.map((a) => ({ text: personWithDue(a, docUnit) })) }]);
  }
  return rows;
}

function roleTable(rows: TableCell[][]): Content {
  return {
    table: { widths: [LABEL_WIDTH, '*'], body: rows },
    layout: LABELLED,
    margin: [0, 2, 0, 0],
  };
}

/** Handlers still on the document (taken-back parts are not printed). */
function active(assignments: TAssignment[]): TAssignment[] {
  return assignments.filter((a) => a.state !== 'withdrawn' && a.role !== 'director');
}

/** Timestamps may come with any offset: compare instants, not strings. */
function time(at: string): number {
  return Date.parse(at) || 0;
}

function byCreated<T extends { createdAt: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => time(a.createdAt) - time(b.createdAt));
}

/** (1) The leader's direction: text, who leads, co-handles, is informed, due dates, who and when. */
function directionSection(doc: TIncomingDetail): Content[] {
  const out: Content[] = [heading('1. Ý kiến chỉ đạo của lãnh đạo:')];
  const handlers = byCreated(active(doc.assignments).filter((a) => a.parentId === null));
  if (!doc.direction && handlers.length === 0) {
    out.push(dottedLines(SECTION_BLANK_LINES), signature(null, null));
    return out;
  }
  if (doc.direction) out.push({ text: doc.direction, alignment: 'justify', margin: [0, 0, 0, 2] });
  const rows = roleRows(handlers, doc.unitName);
  if (doc.dueDate) rows.push([{ text: 'Hạn giải quyết:', bold: true }, formatVnDate(doc.dueDate)]);
  if (rows.length > 0) out.push(roleTable(rows));
  out.push(signature(doc.directedAt, doc.directedBy));
  return out;
}

/** (2) The unit heads' re-assignments, one block per head who passed the document on. */
function assignmentSection(doc: TIncomingDetail): Content[] {
  const out: Content[] = [heading('2. Ý kiến của lãnh đạo đơn vị (phân công):')];
  const reassigned = byCreated(active(doc.assignments).filter((a) => a.parentId !== null));
  if (reassigned.length === 0) {
    out.push(dottedLines(SECTION_BLANK_LINES), signature(null, null));
    return out;
  }
  const groups = new Map<string, TAssignment[]>();
  for (const a of reassigned) {
    const key = a.parentId ?? '';
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  for (const [parentId, items] of groups) {
    const parent = doc.assignments.find((a) => a.id === parentId);
    const by = items[0].assignedBy ?? parent?.person.fullName ?? null;
    out.push(roleTable(roleRows(items, doc.unitName)), signature(items[0].createdAt, by));
  }
  return out;
}

interface Proposal {
  at: string;
  name: string;
  label: string;
  body: string;
}

/** (3) What the handlers proposed or reported: opinions and results, oldest first. */
function proposalSection(doc: TIncomingDetail): Content[] {
  const out: Content[] = [heading('3. Ý kiến đề xuất của người giải quyết:')];
  const proposals: Proposal[] = [
    ...doc.opinions.map((o) => ({
      at: o.createdAt,
      name: o.onBehalfOf ? `${o.author} (thay ${o.onBehalfOf})` : o.author,
      label: 'ý kiến',
      body: o.body,
    })),
    ...active(doc.assignments)
      .filter((a) => a.result)
      .map((a) => ({
        at: a.completedAt ?? a.createdAt,
        name: a.person.fullName,
        label: 'kết quả',
        body: a.result ?? '',
      })),
  ].sort((a, b) => time(a.at) - time(b.at));
  if (doc.result && !proposals.some((p) => p.body === doc.result)) {
    proposals.push({ at: doc.completedAt ?? '', name: 'Kết quả giải quyết', label: '', body: doc.result });
  }
  if (proposals.length === 0 && !doc.replyCode) {
    out.push(dottedLines(SECTION_BLANK_LINES), signature(null, null));
    return out;
  }
  for (const p of proposals) {
    const when = [p.label, p.at ? formatVnDate(p.at) : ''].filter(Boolean).join(' ');
    out.push({
      text: [{ text: p.name, bold: true }, when ? { text: ` (${when})`, italics: true } : '', `: ${p.body}`],
      alignment: 'justify',
      margin: [0, 0, 0, 4],
    });
  }
  if (doc.replyCode) out.push({ text: [{ text: 'Văn bản trả lời số: ', bold: true }, doc.replyCode] });
  return out;
}

/** Số đến, ngày đến, tác giả, số ký hiệu, ngày văn bản, trích yếu, độ mật/khẩn. */
function documentBlock(doc: TIncomingDetail): Content {
  const label = (text: string): TableCell => ({ text, bold: true });
  const code = formatCode(doc.codeNumber, doc.codeNotation) || doc.code;
  const body: TableCell[][] = [
    [
      label('Số đến:'),
      { text: formatArrivalNumber(doc.arrivalNumber), bold: true },
      label('Ngày đến:'),
      formatVnDate(doc.arrivalAt),
    ],
    [label('Tác giả:'), { text: doc.issuingOrgan, colSpan: 3 }, '', ''],
    [label('Số, ký hiệu:'), code, label('Ngày văn bản:'), formatVnDate(doc.issuedDate)],
    [
      label('Tên loại và trích yếu:'),
      { text: typeAndSubject(doc.documentType, doc.subject), colSpan: 3, alignment: 'justify' },
      '',
      '',
    ],
  ];
  const levels: TableCell[] = [];
  if (doc.confidentiality) levels.push(label('Độ mật:'), { text: doc.confidentiality.name, bold: true });
  if (doc.urgency) levels.push(label('Độ khẩn:'), { text: doc.urgency.name, bold: true });
  if (levels.length === 2) body.push([...levels, { text: '', colSpan: 2 }, '']);
  else if (levels.length === 4) body.push(levels);
  return {
    table: { widths: [LABEL_WIDTH, '*', 82, 86], body },
    layout: LABELLED,
    margin: [0, 0, 0, 4],
  };
}

function header(organName: string, unitName: string): Content {
  const unitLines: Content[] = [];
  if (organName.trim()) unitLines.push({ text: organName.toLocaleUpperCase('vi') });
  unitLines.push({ text: unitName.toLocaleUpperCase('vi'), bold: true });
  return {
    columns: [
      {
        width: HEADER_LEFT,
        alignment: 'center',
        fontSize: 12,
        stack: [
          ...unitLines,
          { canvas: [{ type: 'line', x1: 0, y1: 3, x2: 60, y2: 3, lineWidth: 0.6 }], alignment: 'center' },
        ],
      },
      {
        width: HEADER_RIGHT,
        alignment: 'center',
        bold: true,
        stack: [
          { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', fontSize: 12 },
          { text: 'Độc lập - Tự do - Hạnh phúc', fontSize: 13 },
          {
            canvas: [{ type: 'line', x1: 0, y1: 1, x2: MOTTO_WIDTH, y2: 1, lineWidth: 0.6 }],
            alignment: 'center',
          },
        ],
      },
    ],
    columnGap: HEADER_GAP,
  };
}

/** The pdfmake definition of the slip (exported for tests that inspect the layout). */
export function processingSlipDefinition(input: ProcessingSlipInput): TDocumentDefinitions {
  const { doc } = input;
  const printed = formatVnDateTime(input.printedAt);
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: MARGINS,
    compress: input.compress ?? true,
    info: {
      title: `Phiếu giải quyết văn bản đến số ${formatArrivalNumber(doc.arrivalNumber)}/${doc.year}`,
      creator: 'CloudOffice',
      producer: 'CloudOffice',
    },
    defaultStyle: { font: SERIF, fontSize: 13, lineHeight: 1.15 },
    content: [
      header(input.organName, input.unitName),
      { text: 'PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN', bold: true, fontSize: 14, alignment: 'center', margin: [0, 24, 0, 14] },
      documentBlock(doc),
      ...directionSection(doc),
      ...assignmentSection(doc),
      ...proposalSection(doc),
    ],
    footer: (page, pages) => ({
      columns: [
        { text: `In ngày ${printed}`, italics: true },
        { text: pages > 1 ? `Trang ${page}/${pages}` : '', alignment: 'right' },
      ],
      fontSize: 9,
      margin: [MARGINS[0], 20, MARGINS[2], 0],
    }),
  };
}

/**
 * The "Phiếu giải quyết văn bản đến" (ND30 Phụ lục IV) of one incoming document as an A4 PDF in
 * Tinos: the document's particulars, then (1) the leader's direction, (2) the unit heads'
 * re-assignments and (3) the handlers' proposals. A section with nothing recorded keeps dotted
 * lines and a blank date so it can be filled in by hand.
 */
export function renderProcessingSlip(input: ProcessingSlipInput): Promise<Buffer> {
  return renderPdf(processingSlipDefinition(input));
}

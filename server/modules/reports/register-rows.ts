import { formatVnDate } from '../../../contracts/calendar';
import type { TRegisterKind } from '../../../contracts/reports';
import { typeAndSubject } from '../incoming/render/labels';
import type {
  IncomingHandoverRow,
  IncomingRegisterRow,
  IncomingTrackingRow,
  OutgoingHandoverRow,
  OutgoingRegisterRow,
  RegisterRowOf,
  StepTarget,
} from './registers.repository';
import { padNumber, type RegisterCell } from './render/register-specs';

/** Role words after a person's name in the "Đơn vị hoặc người nhận" columns. */
const ROLE_SUFFIX: Record<string, string> = { lead: ' (chủ trì)', co: ' (phối hợp)', info: ' (để biết)' };

/** "Huỳnh Văn Tiến; Lê Hoàng Nam (chủ trì)". */
export function recipientsText(targets: StepTarget[] | null | undefined, roles = true): string | null {
  if (!targets?.length) return null;
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of targets) {
    const text = `${t.name}${roles ? (ROLE_SUFFIX[t.role ?? ''] ?? '') : ''}`;
    if (!seen.has(text)) {
      seen.add(text);
      out.push(text);
    }
  }
  return out.join('; ');
}

/** What a handover step was, in the handover book's "Ghi chú". */
const HANDOVER_WORDS: Record<string, string> = {
  present: 'Trình lãnh đạo cho ý kiến chỉ đạo',
  forward: 'Chuyển tiếp',
  direct: 'Chuyển theo ý kiến chỉ đạo',
  reassign: 'Phân công lại trong đơn vị',
};

/** Receipt statuses of a delivery (hồi báo) written in the outgoing handover book. */
const DELIVERY_WORDS: Record<string, string> = {
  arrived: 'Đã đến nơi nhận',
  registered: 'Nơi nhận đã vào sổ',
  assigned: 'Nơi nhận đã giao xử lý',
  in_progress: 'Nơi nhận đang xử lý',
  done: 'Nơi nhận đã xử lý xong',
  refused: 'Nơi nhận từ chối',
  recalled: 'Đã thu hồi',
};

const join = (...parts: (string | null | undefined)[]) => parts.filter((p) => p && p.trim() !== '').join('. ') || null;

/** "602/QĐ-PGDĐT" of an incoming document (either part may be missing). */
function incomingCode(number: string | null, notation: string | null): string | null {
  if (number && notation) return `${number}/${notation}`;
  return number ?? notation ?? null;
}

/** "05/QĐ-PGDĐT" of an issued document (numbers below 10 zero-padded). */
export function outgoingCode(number: number, notation: string | null): string {
  return notation ? `${padNumber(number)}/${notation}` : padNumber(number);
}

/** "Ghi chú" of an incoming document: the clerk's note and what became of it when it is not a normal one. */
function incomingNote(r: IncomingRegisterRow): string | null {
  if (r.status === 'cancelled') return join(`Đã hủy${r.cancel_reason ? `: ${r.cancel_reason}` : ''}`, r.notes);
  if (r.status === 'returned') return join(`Đã trả lại${r.return_reason ? `: ${r.return_reason}` : ''}`, r.notes);
  return r.notes;
}

function incomingRegisterCells(r: IncomingRegisterRow): RegisterCell[] {
  return [
    r.arrival_date,
    Number(r.arrival_number),
    r.issuing_organ_name,
    incomingCode(r.code_number, r.code_notation),
    r.issued_date,
    typeAndSubject(r.type_name, r.subject),
    recipientsText(r.handed_to),
    r.handed_date,
    null,
    incomingNote(r),
  ];
}

function incomingShortCells(r: IncomingRegisterRow): RegisterCell[] {
  return [
    Number(r.arrival_number),
    r.arrival_date,
    r.issuing_organ_name,
    incomingCode(r.code_number, r.code_notation),
    typeAndSubject(r.type_name, r.subject),
    r.lead_name ?? (r.status === 'cancelled' ? 'Đã hủy' : r.status === 'returned' ? 'Đã trả lại' : null),
  ];
}

function incomingHandoverCells(r: IncomingHandoverRow): RegisterCell[] {
  return [r.at_date, Number(r.arrival_number), recipientsText(r.targets), null, HANDOVER_WORDS[r.action] ?? null];
}

/** Whole days from one calendar date to another. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * "Tiến độ giải quyết" on `today`: finished (on time or how late), in progress with the lead's
 * percent, overdue by how many days, or still waiting for the leader.
 */
export function trackingProgress(r: IncomingTrackingRow, today: string): string {
  const due = r.due_date;
  if (r.status === 'done') {
    const on = r.completed_date ? ` ngày ${formatVnDate(r.completed_date)}` : '';
    const late = due && r.completed_date && r.completed_date > due ? daysBetween(due, r.completed_date) : 0;
    return `Đã giải quyết${on}${late > 0 ? ` (trễ ${late} ngày)` : ''}`;
  }
  if (r.status === 'new') return 'Chờ phân loại';
  if (r.status === 'presented') return 'Chờ ý kiến chỉ đạo';
  const percent = r.progress ? ` (${r.progress}%)` : '';
  if (due && due < today) return `Quá hạn ${daysBetween(due, today)} ngày${percent}`;
  return `Đang giải quyết${percent}`;
}

function incomingTrackingCells(r: IncomingTrackingRow, today: string): RegisterCell[] {
  const code = incomingCode(r.code_number, r.code_notation);
  const description = [
    r.type_name,
    code ? `số ${code}` : null,
    r.issued_date ? `ngày ${formatVnDate(r.issued_date)}` : null,
    `của ${r.issuing_organ_name}`,
  ]
    .filter(Boolean)
    .join(' ');
  return [
    Number(r.arrival_number),
    description,
    recipientsText(r.handlers),
    r.due_date,
    trackingProgress(r, today),
    r.reply_code,
    r.notes,
  ];
}

function outgoingRegisterCells(r: OutgoingRegisterRow): RegisterCell[] {
  const signer = r.signer_name ? `${r.signer_position ? `${r.signer_position} ` : ''}${r.signer_name}` : null;
  const recalled = r.status === 'recalled' ? `Đã thu hồi${r.recall_reason ? `: ${r.recall_reason}` : ''}` : null;
  return [
    outgoingCode(Number(r.code_number), r.code_notation),
    r.issued_date,
    typeAndSubject(r.type_name, r.subject),
    signer,
    r.recipients_text ?? r.delivered_to,
    r.file_copy_to,
    r.copies === null ? null : Number(r.copies),
    r.sent_date,
    null,
    join(recalled, r.notes),
  ];
}

function outgoingHandoverCells(r: OutgoingHandoverRow): RegisterCell[] {
  const via = r.kind === 'organ' && r.email ? `Thư điện tử ${r.email}` : null;
  return [
    r.sent_date,
    outgoingCode(Number(r.code_number), r.code_notation),
    r.recipient_name,
    null,
    join(DELIVERY_WORDS[r.status], via),
  ];
}

/** The cells of each row of a register, in the order of its columns (render/register-specs.ts). */
export function registerCells<K extends TRegisterKind>(
  kind: K,
  rows: RegisterRowOf[K][],
  today: string,
): RegisterCell[][] {
  switch (kind) {
    case 'incoming-register':
      return (rows as IncomingRegisterRow[]).map(incomingRegisterCells);
    case 'incoming-short':
      return (rows as IncomingRegisterRow[]).map(incomingShortCells);
    case 'incoming-handover':
      return (rows as IncomingHandoverRow[]).map(incomingHandoverCells);
    case 'incoming-tracking':
      return (rows as IncomingTrackingRow[]).map((r) => incomingTrackingCells(r, today));
    case 'outgoing-register':
      return (rows as OutgoingRegisterRow[]).map(outgoingRegisterCells);
    case 'outgoing-handover':
      return (rows as OutgoingHandoverRow[]).map(outgoingHandoverCells);
    default:
      return [];
  }
}

/** First and last number of a numbered register's rows (they come in number order); null for the others. */
export function numberRange<K extends TRegisterKind>(
  kind: K,
  rows: RegisterRowOf[K][],
): { first: number; last: number } | null {
  if (rows.length === 0) return null;
  const first = rows[0] as Partial<IncomingRegisterRow & OutgoingRegisterRow>;
  const last = rows[rows.length - 1] as Partial<IncomingRegisterRow & OutgoingRegisterRow>;
  if (kind === 'incoming-register' || kind === 'incoming-short')
    return { first: Number(first.arrival_number), last: Number(last.arrival_number) };
  if (kind === 'outgoing-register') return { first: Number(first.code_number), last: Number(last.code_number) };
  return null;
}

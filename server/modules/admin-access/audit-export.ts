import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { TAuditEntry } from '../../../contracts/admin-access';

/** Column headings of the export, in order (Vietnamese: the file goes to the records office). */
export const AUDIT_EXPORT_COLUMNS = [
  { header: 'Thời gian', width: 20 },
  { header: 'Người thực hiện', width: 26 },
  { header: 'Thay mặt', width: 22 },
  { header: 'Hành động', width: 26 },
  { header: 'Đối tượng', width: 16 },
  { header: 'Mã đối tượng', width: 38 },
  { header: 'Địa chỉ IP', width: 16 },
  { header: 'Trước', width: 60 },
  { header: 'Sau', width: 60 },
] as const;

const VN_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** dd/mm/yyyy HH:mm:ss in Vietnam time, whatever the server's time zone. */
export function formatVietnamTime(at: Date | string): string {
  const parts = Object.fromEntries(VN_TIME.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** A JSON value as one readable cell; Excel cells hold at most 32,767 characters. */
function jsonCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = JSON.stringify(value);
  return text.length > 32_000 ? `${text.slice(0, 32_000)}…` : text;
}

/** Who acted, readably: full name and username, or the system when nobody was signed in. */
function actorCell(entry: TAuditEntry): string {
  if (!entry.actorId) return 'Hệ thống';
  return entry.actorName ? `${entry.actorName} (${entry.actorUsername})` : entry.actorId;
}

/**
 * Writes the audit entries as an XLSX workbook with the streaming writer (rows are committed
 * as they come, so 50,000 entries do not sit in memory as cell objects). `note` is added as a
 * last row when the export was cut short.
 */
export async function buildAuditWorkbook(
  batches: AsyncIterable<TAuditEntry[]>,
  opts: { note?: () => string | null } = {},
): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'CloudOffice';
  const ws = wb.addWorksheet('Nhật ký', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = AUDIT_EXPORT_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  for await (const batch of batches) {
    for (const e of batch) {
      ws.addRow([
        formatVietnamTime(e.at),
        actorCell(e),
        e.onBehalfOfName ?? e.onBehalfOfId ?? '',
        e.action,
        e.entityType,
        e.entityId ?? '',
        e.ip ?? '',
        jsonCell(e.before),
        jsonCell(e.after),
      ]).commit();
    }
  }
  const note = opts.note?.();
  if (note) {
    const row = ws.addRow([note]);
    row.font = { italic: true };
    row.commit();
  }
  ws.commit();
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

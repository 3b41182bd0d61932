import { vnDate } from '../../../contracts/calendar';
import {
  formatMonth,
  type TCountRow,
  type TReportFormat,
  type TResultCounts,
  type TSummaryQuery,
  type TSummaryReport,
} from '../../../contracts/reports';
import type { RequestContext } from '../../platform/authz/actor';
import { authorize } from '../../platform/authz/authorize';
import { AppError } from '../../platform/errors';
import { FORMAT_MIME, type ReportsDeps } from './reports.deps';
import { authorizeUnit } from './reports.policy';
import { summaryTables } from './summary-tables';
import type { DimensionCount, ResultRow, UnitRange } from './summary.repository';

const NO_FIELD = 'Chưa xác định lĩnh vực';

/** Every month from the period's first to its last, `yyyy-mm`. */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** Merges the in and out counts of one dimension into rows ordered by the catalog (or by month). */
function merge(dim: DimensionCount['dim'], incoming: DimensionCount[], outgoing: DimensionCount[]): TCountRow[] {
  const rows = new Map<string, TCountRow & { ord: number }>();
  const add = (c: DimensionCount, side: 'incoming' | 'outgoing') => {
    if (c.dim !== dim) return;
    const row = rows.get(c.label) ?? {
      key: c.label,
      label: dim === 'month' ? formatMonth(c.label) : c.label || NO_FIELD,
      incoming: 0,
      outgoing: 0,
      ord: c.ord,
    };
    row[side] += c.n;
    row.ord = Math.min(row.ord, c.ord);
    rows.set(c.label, row);
  };
  for (const c of incoming) add(c, 'incoming');
  for (const c of outgoing) add(c, 'outgoing');
  return [...rows.values()]
    .sort((a, b) => a.ord - b.ord || a.label.localeCompare(b.label, 'vi'))
    .map(({ ord: _ord, ...r }) => r);
}

function results(r: ResultRow): TResultCounts {
  const onTime = Number(r.on_time);
  const late = Number(r.late);
  const inProgress = Number(r.in_progress);
  const overdue = Number(r.overdue);
  return { onTime, late, inProgress, overdue, total: onTime + late + inProgress + overdue };
}

/**
 * Báo cáo tổng hợp thông tin (Điều 3.1f): documents in and out of a unit (or its subtree) in a
 * period by type, field, urgency and month, and how the incoming ones were handled — per handler
 * and per unit — as of today. Confidential documents are counted (only numbers are shown).
 */
export class SummaryService {
  constructor(private readonly d: ReportsDeps) {}

  async report(ctx: RequestContext, q: TSummaryQuery): Promise<TSummaryReport> {
    const actor = authorize(ctx.actor, 'reports.summary');
    const unit = await this.d.registers.unit(q.unitId);
    if (!unit)
      throw new AppError('VALIDATION_FAILED', { field: 'querystring.unitId', details: { reason: 'unknownUnit' } });
    authorizeUnit(actor, 'reports.summary', { unitId: unit.id, unitPath: unit.path });
    const range: UnitRange = { unitId: unit.id, unitPath: unit.path, subtree: q.subtree };
    const period = { from: q.from, to: q.to };
    const now = this.d.clock.now();
    const today = vnDate(now);
    const [inc, out, handlers, units] = await Promise.all([
      this.d.summary.counts('incoming', range, period),
      this.d.summary.counts('outgoing', range, period),
      this.d.summary.byHandler(range, period, today),
      this.d.summary.byUnit(range, period, today),
    ]);
    const total = (list: DimensionCount[]) => list.filter((c) => c.dim === 'type').reduce((n, c) => n + c.n, 0);
    const byMonth = merge('month', inc, out);
    const months = monthsOf(q.from, q.to).map(
      (m) => byMonth.find((r) => r.key === m) ?? { key: m, label: formatMonth(m), incoming: 0, outgoing: 0 },
    );
    const byUnit = units.map((u) => ({ unitId: u.unit_id, name: u.name, ...results(u) }));
    const sum = byUnit.reduce(
      (acc, u) => ({
        onTime: acc.onTime + u.onTime,
        late: acc.late + u.late,
        inProgress: acc.inProgress + u.inProgress,
        overdue: acc.overdue + u.overdue,
        total: acc.total + u.total,
      }),
      { onTime: 0, late: 0, inProgress: 0, overdue: 0, total: 0 },
    );
    return {
      unitId: unit.id,
      unitName: unit.name,
      subtree: q.subtree,
      from: q.from,
      to: q.to,
      generatedAt: now.toISOString(),
      totals: { incoming: total(inc), outgoing: total(out) },
      byType: merge('type', inc, out),
      byField: merge('field', inc, out),
      byUrgency: merge('urgency', inc, out),
      byMonth: months,
      byHandler: handlers.map((h) => ({ userId: h.user_id, name: h.full_name, unitName: h.unit_name, ...results(h) })),
      byUnit,
      results: sum,
    };
  }

  /** The report as a PDF or a workbook. */
  async file(ctx: RequestContext, q: TSummaryQuery & { format: TReportFormat }) {
    const report = await this.report(ctx, q);
    const unit = await this.d.registers.unit(q.unitId);
    const buffer = await this.d.render.run({
      type: 'table',
      format: q.format,
      report: summaryTables(report, unit?.parentName ?? ''),
    });
    return {
      buffer,
      filename: `bao-cao-tong-hop-${q.from}-${q.to}.${q.format}`,
      mime: FORMAT_MIME[q.format],
    };
  }
}

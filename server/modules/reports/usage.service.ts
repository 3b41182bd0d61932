import type { TReportFormat, TUsageCounts, TUsageQuery, TUsageReport } from '../../../contracts/reports';
import type { RequestContext } from '../../platform/authz/actor';
import { authorize } from '../../platform/authz/authorize';
import { AppError } from '../../platform/errors';
import { FORMAT_MIME, type ReportsDeps } from './reports.deps';
import { authorizeUnit } from './reports.policy';
import { usageTables } from './usage-tables';

const COUNT_KEYS = [
  'signIns',
  'registered',
  'directed',
  'handled',
  'handledOnTime',
  'tasksAssigned',
  'tasksDone',
  'messages',
] as const satisfies readonly (keyof TUsageCounts)[];

function zero(tasks: boolean): TUsageCounts {
  return {
    signIns: 0,
    registered: 0,
    directed: 0,
    handled: 0,
    handledOnTime: 0,
    tasksAssigned: tasks ? 0 : null,
    tasksDone: tasks ? 0 : null,
    messages: 0,
  };
}

function addInto(target: TUsageCounts, source: TUsageCounts): void {
  for (const k of COUNT_KEYS) {
    const v = source[k];
    if (v !== null) target[k] = (target[k] ?? 0) + v;
  }
}

/**
 * Báo cáo tình hình sử dụng hệ thống (Điều 12): for a month, what each person and each unit did
 * in the system — sign-ins, documents registered, directions, documents handled and on time,
 * tasks, messages — for the leaders' review and the unit's monthly report.
 */
export class UsageService {
  constructor(private readonly d: ReportsDeps) {}

  async report(ctx: RequestContext, q: TUsageQuery): Promise<TUsageReport> {
    const actor = authorize(ctx.actor, 'reports.summary');
    const unit = await this.d.registers.unit(q.unitId);
    if (!unit)
      throw new AppError('VALIDATION_FAILED', { field: 'querystring.unitId', details: { reason: 'unknownUnit' } });
    authorizeUnit(actor, 'reports.summary', { unitId: unit.id, unitPath: unit.path });
    const range = { unitId: unit.id, unitPath: unit.path, subtree: q.subtree };
    const tasks = await this.d.usage.hasTasks();
    const [people, counts] = await Promise.all([
      this.d.usage.people(range),
      this.d.usage.counts(range, q.month, tasks),
    ]);
    const byUser = new Map(people.map((p) => [p.id, zero(tasks)]));
    for (const c of counts) {
      const row = byUser.get(c.user_id);
      const key = c.key as (typeof COUNT_KEYS)[number];
      if (row && COUNT_KEYS.includes(key)) row[key] = (row[key] ?? 0) + c.n;
    }
    const units = new Map<string, TUsageReport['units'][number]>();
    const totals = { ...zero(tasks), users: 0, activeUsers: 0 };
    for (const p of people) {
      const c = byUser.get(p.id) ?? zero(tasks);
      const u = units.get(p.unit_id) ?? {
        unitId: p.unit_id,
        name: p.unit_name,
        users: 0,
        activeUsers: 0,
        ...zero(tasks),
      };
      u.users++;
      totals.users++;
      if (c.signIns > 0) {
        u.activeUsers++;
        totals.activeUsers++;
      }
      addInto(u, c);
      addInto(totals, c);
      units.set(p.unit_id, u);
    }
    return {
      unitId: unit.id,
      unitName: unit.name,
      subtree: q.subtree,
      month: q.month,
      generatedAt: this.d.clock.now().toISOString(),
      tasksAvailable: tasks,
      totals,
      units: [...units.values()],
      users: people.map((p) => ({
        userId: p.id,
        name: p.full_name,
        unitName: p.unit_name,
        jobTitle: p.job_title,
        ...(byUser.get(p.id) ?? zero(tasks)),
      })),
    };
  }

  /** The report as a PDF or a workbook. */
  async file(ctx: RequestContext, q: TUsageQuery & { format: TReportFormat }) {
    const report = await this.report(ctx, q);
    const unit = await this.d.registers.unit(q.unitId);
    const buffer = await this.d.render.run({
      type: 'table',
      format: q.format,
      report: usageTables(report, unit?.parentName ?? ''),
    });
    return { buffer, filename: `tinh-hinh-su-dung-${q.month}.${q.format}`, mime: FORMAT_MIME[q.format] };
  }
}

import { z } from 'zod';
import { ZFileRef } from './files';

/**
 * Contracts of "Thống kê, báo cáo" (Điều 3.1f, Điều 12): the printed registers of ND30 Phụ lục IV,
 * the summary report of a unit and the monthly report of how the system is used. Shared by server
 * and web.
 */

/** The six printed registers (sổ), in the order of the menu. */
export const REGISTER_KINDS = [
  'incoming-register',
  'incoming-handover',
  'outgoing-register',
  'outgoing-handover',
  'incoming-short',
  'incoming-tracking',
] as const;
export type TRegisterKind = (typeof REGISTER_KINDS)[number];

/** The menu function (contracts/functions.ts) that opens the printing page of each register. */
export const REGISTER_FUNCTIONS: Record<TRegisterKind, string> = {
  'incoming-register': 'report-incoming-register',
  'incoming-handover': 'report-incoming-handover',
  'outgoing-register': 'report-outgoing-register',
  'outgoing-handover': 'report-outgoing-handover',
  'incoming-short': 'report-incoming-short',
  'incoming-tracking': 'report-incoming-tracking',
};

/** Registers of outgoing documents (their secret register needs the outgoing clerk's right). */
export function isOutgoingRegister(kind: TRegisterKind): boolean {
  return kind === 'outgoing-register' || kind === 'outgoing-handover';
}

/**
 * Up to this many rows a register is made while the browser waits (it takes a few seconds);
 * a larger one is made by a background job and the person is notified when the file is ready.
 */
export const REGISTER_DIRECT_LIMIT = 10_000;

export const REPORT_FORMATS = ['pdf', 'xlsx'] as const;
export type TReportFormat = (typeof REPORT_FORMATS)[number];

/** A real calendar day `yyyy-mm-dd` (not 30 February). */
const isoDate = z.iso
  .date()
  .refine((v) => new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v, { message: 'invalidDate' });
const uuid = z.string().uuid();
/** A yes/no flag in a query string. */
const flag = z
  .enum(['0', '1', 'false', 'true'])
  .optional()
  .transform((v) => v === '1' || v === 'true');

/** Reasons a period is refused (the `message` of the field error on `to`). */
export const PERIOD_ERRORS = { reversed: 'toBeforeFrom', otherYear: 'sameYear' } as const;

type Period = { from: string; to: string };
const periodCheck =
  (sameYear: boolean) =>
  (q: Period, ctx: z.RefinementCtx): void => {
    if (q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: PERIOD_ERRORS.reversed });
    else if (sameYear && q.from.slice(0, 4) !== q.to.slice(0, 4))
      ctx.addIssue({ code: 'custom', path: ['to'], message: PERIOD_ERRORS.otherYear });
  };

const registerFields = {
  unitId: uuid,
  /** The secret register (Mật and above) instead of the normal one. */
  secret: flag,
  from: isoDate,
  to: isoDate,
};

/**
 * Which register to print: a unit, its normal or secret register, and a period inside one year
 * (a register is a year's book: its numbers start again from 01 on 1 January).
 */
export const ZRegisterQuery = z.object(registerFields).superRefine(periodCheck(true));
export type TRegisterQuery = z.output<typeof ZRegisterQuery>;

export const ZRegisterFileQuery = z
  .object({ ...registerFields, format: z.enum(REPORT_FORMATS) })
  .superRefine(periodCheck(true));
export type TRegisterFileQuery = z.output<typeof ZRegisterFileQuery>;

export const ZRegisterKindParams = z.object({ kind: z.enum(REGISTER_KINDS) });

/** A background export asked for in JSON (the same fields, `secret` a boolean). */
export const ZRegisterExportCreate = z
  .object({
    unitId: uuid,
    secret: z.boolean().default(false),
    from: isoDate,
    to: isoDate,
    format: z.enum(REPORT_FORMATS),
  })
  .superRefine(periodCheck(true));
export type TRegisterExportCreate = z.input<typeof ZRegisterExportCreate>;

/** What printing a register would give: how many rows, and whether it is made now or in the background. */
export const ZRegisterPlan = z.object({
  kind: z.enum(REGISTER_KINDS),
  /** "Sổ đăng ký văn bản đến năm 2026 (mật)". */
  title: z.string(),
  unitName: z.string(),
  rows: z.number().int(),
  mode: z.enum(['direct', 'background']),
  /** Rough time to make each kind of file while the browser waits (for the progress bar). */
  estimatedSeconds: z.object({ pdf: z.number(), xlsx: z.number() }),
});
export type TRegisterPlan = z.infer<typeof ZRegisterPlan>;

export const EXPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;

/** A register made in the background, as its owner sees it. */
export const ZReportExport = z.object({
  id: uuid,
  kind: z.enum(REGISTER_KINDS),
  format: z.enum(REPORT_FORMATS),
  title: z.string(),
  status: z.enum(EXPORT_STATUSES),
  file: ZFileRef.nullable(),
  createdAt: z.string(),
});
export type TReportExport = z.infer<typeof ZReportExport>;

export const ZExportCreated = z.object({ id: uuid, rows: z.number().int() });
export const ZExportParams = z.object({ id: uuid });

/** A unit the person may report on, with whether they may print its secret registers. */
export const ZReportUnit = z.object({
  id: uuid,
  name: z.string(),
  parentId: uuid.nullable(),
  /** Depth under the top unit the person sees (0 for the top), to indent the list. */
  depth: z.number().int(),
  secretIncoming: z.boolean(),
  secretOutgoing: z.boolean(),
});
export const ZReportUnits = z.array(ZReportUnit);
export type TReportUnit = z.infer<typeof ZReportUnit>;
export const ZReportUnitsQuery = z.object({ purpose: z.enum(['registers', 'summary']) });

// ── Báo cáo tổng hợp ───────────────────────────────────────────────────────────

export const ZSummaryQuery = z
  .object({ unitId: uuid, subtree: flag, from: isoDate, to: isoDate })
  .superRefine(periodCheck(false));
export type TSummaryQuery = z.output<typeof ZSummaryQuery>;
export const ZSummaryFileQuery = z
  .object({ unitId: uuid, subtree: flag, from: isoDate, to: isoDate, format: z.enum(REPORT_FORMATS) })
  .superRefine(periodCheck(false));

/** Documents in and out counted under one heading (a type, a field, an urgency, a month). */
export const ZCountRow = z.object({ key: z.string(), label: z.string(), incoming: z.number(), outgoing: z.number() });
export type TCountRow = z.infer<typeof ZCountRow>;

/**
 * Processing results of handling parts or documents at the time of the report: finished by the
 * due date (or with none), finished after it, open and not yet due, open past due.
 */
export const ZResultCounts = z.object({
  onTime: z.number(),
  late: z.number(),
  inProgress: z.number(),
  overdue: z.number(),
  total: z.number(),
});
export type TResultCounts = z.infer<typeof ZResultCounts>;

export const ZSummaryReport = z.object({
  unitId: uuid,
  unitName: z.string(),
  subtree: z.boolean(),
  from: z.string(),
  to: z.string(),
  generatedAt: z.string(),
  totals: z.object({ incoming: z.number(), outgoing: z.number() }),
  byType: z.array(ZCountRow),
  byField: z.array(ZCountRow),
  byUrgency: z.array(ZCountRow),
  byMonth: z.array(ZCountRow),
  byHandler: z.array(ZResultCounts.extend({ userId: uuid, name: z.string(), unitName: z.string() })),
  byUnit: z.array(ZResultCounts.extend({ unitId: uuid, name: z.string() })),
  results: ZResultCounts,
});
export type TSummaryReport = z.infer<typeof ZSummaryReport>;

// ── Báo cáo tình hình sử dụng hệ thống (Điều 12) ──────────────────────────────

export const ZUsageQuery = z.object({
  unitId: uuid,
  subtree: flag,
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
});
export type TUsageQuery = z.output<typeof ZUsageQuery>;
export const ZUsageFileQuery = ZUsageQuery.extend({ format: z.enum(REPORT_FORMATS) });

/**
 * What one person (or a unit in total) did in the system in the month. `tasksAssigned` and
 * `tasksDone` are null while the task module is not installed.
 */
export const ZUsageCounts = z.object({
  signIns: z.number(),
  registered: z.number(),
  directed: z.number(),
  handled: z.number(),
  handledOnTime: z.number(),
  tasksAssigned: z.number().nullable(),
  tasksDone: z.number().nullable(),
  messages: z.number(),
});
export type TUsageCounts = z.infer<typeof ZUsageCounts>;

export const ZUsageReport = z.object({
  unitId: uuid,
  unitName: z.string(),
  subtree: z.boolean(),
  month: z.string(),
  generatedAt: z.string(),
  tasksAvailable: z.boolean(),
  totals: ZUsageCounts.extend({ users: z.number(), activeUsers: z.number() }),
  units: z.array(ZUsageCounts.extend({ unitId: uuid, name: z.string(), users: z.number(), activeUsers: z.number() })),
  users: z.array(
    ZUsageCounts.extend({ userId: uuid, name: z.string(), unitName: z.string(), jobTitle: z.string().nullable() }),
  ),
});
export type TUsageReport = z.infer<typeof ZUsageReport>;

/** "2026-03" → "03/2026". */
export function formatMonth(month: string): string {
  const [y, m] = month.split('-');
  return `${m}/${y}`;
}

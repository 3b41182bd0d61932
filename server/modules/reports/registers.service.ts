import type { FastifyReply } from 'fastify';
import { vnDate } from '../../../contracts/calendar';
import {
  REGISTER_DIRECT_LIMIT,
  REGISTER_FUNCTIONS,
  type TRegisterExportCreate,
  type TRegisterFileQuery,
  type TRegisterKind,
  type TRegisterPlan,
  type TRegisterQuery,
  type TReportExport,
  type TReportFormat,
  type TReportUnit,
  ZRegisterExportCreate,
} from '../../../contracts/reports';
import { type Actor, type RequestContext, principalOf } from '../../platform/authz/actor';
import { authorize } from '../../platform/authz/authorize';
import { AppError } from '../../platform/errors';
import type { JobRecord } from '../../platform/jobs/jobs';
import type { ExportPayload } from './exports.repository';
import { numberRange, registerCells } from './register-rows';
import type { RegisterFilter, ReportUnitRow } from './registers.repository';
import { EXPORT_FILES, EXPORT_JOB, FORMAT_MIME, type ReportsDeps } from './reports.deps';
import {
  authorizeSecret,
  authorizeUnit,
  maySeeSecretRegister,
  type ReportPermission,
  reportUnitsSql,
  secretRowsSql,
} from './reports.policy';
import { type RegisterDocument, registerFileName, registerTitle } from './render/register-specs';

/**
 * Seconds per 1,000 rows measured by bench/registers.ts on a 2-core machine (rounded up), for
 * the progress bar of a file made while the browser waits.
 */
const SECONDS_PER_1000 = { pdf: 0.6, xlsx: 0.25 } as const;

/** Where a register is: a unit, normal or secret, a period inside one year. */
type Where = { unitId: string; secret: boolean; from: string; to: string };

/** The actor, the unit and the filter of a register request that passed the policy. */
interface Resolved {
  actor: Actor;
  unit: ReportUnitRow;
  filter: RegisterFilter;
}

/**
 * In sổ (Điều 3.1f): the six registers of a unit for a period, as PDF or XLSX. Up to
 * REGISTER_DIRECT_LIMIT rows the file is made while the browser waits; a larger one is a durable
 * job that keeps the file and notifies the person with a link to it.
 */
export class RegisterPrintService {
  constructor(private readonly d: ReportsDeps) {}

  /** Units the person may print registers of (or report on), with the secret registers they keep. */
  async units(ctx: RequestContext, purpose: 'registers' | 'summary'): Promise<TReportUnit[]> {
    const permission: ReportPermission = purpose === 'registers' ? 'reports.registers' : 'reports.summary';
    const actor = authorize(ctx.actor, permission);
    const rows = await this.d.registers.unitsIn(reportUnitsSql(actor, permission));
    const top = Math.min(...rows.map((r) => depthOf(r.path)));
    return rows.map((r) => {
      const owned = { unitId: r.id, unitPath: r.path };
      return {
        id: r.id,
        name: r.name,
        parentId: r.parentId,
        depth: depthOf(r.path) - top,
        secretIncoming: purpose === 'registers' && maySeeSecretRegister(actor, 'incoming', owned),
        secretOutgoing: purpose === 'registers' && maySeeSecretRegister(actor, 'outgoing', owned),
      };
    });
  }

  /** How many rows the register has and whether it can be made at once. */
  async plan(ctx: RequestContext, kind: TRegisterKind, q: TRegisterQuery): Promise<TRegisterPlan> {
    const { unit, filter } = await this.resolve(ctx, kind, q, 'querystring');
    const rows = await this.d.registers.count(kind, filter);
    const estimate = (f: TReportFormat) => Math.round((0.5 + (rows / 1000) * SECONDS_PER_1000[f]) * 10) / 10;
    return {
      kind,
      title: registerTitle(kind, yearOf(q.from), q.secret),
      unitName: unit.name,
      rows,
      mode: rows > REGISTER_DIRECT_LIMIT ? 'background' : 'direct',
      estimatedSeconds: { pdf: estimate('pdf'), xlsx: estimate('xlsx') },
    };
  }

  /** The register as a file, made now; past the limit the person is told to make it in the background. */
  async file(
    ctx: RequestContext,
    kind: TRegisterKind,
    q: TRegisterFileQuery,
  ): Promise<{ buffer: Buffer; filename: string; mime: string; rows: number }> {
    const { unit, filter } = await this.resolve(ctx, kind, q, 'querystring');
    const count = await this.d.registers.count(kind, filter);
    if (count > REGISTER_DIRECT_LIMIT)
      throw new AppError('INVALID_STATE', {
        details: { reason: 'tooLarge', rows: count, limit: REGISTER_DIRECT_LIMIT },
      });
    const doc = await this.document(kind, unit, filter);
    const buffer = await this.d.render.run({ type: 'register', format: q.format, doc });
    await this.d.audit.record(ctx, {
      action: 'reports.print',
      entityType: 'unit',
      entityId: unit.id,
      after: { kind, secret: q.secret, from: q.from, to: q.to, format: q.format, rows: doc.rows.length },
    });
    return {
      buffer,
      filename: registerFileName(kind, q.secret, q.from, q.to, q.format),
      mime: FORMAT_MIME[q.format],
      rows: doc.rows.length,
    };
  }

  /** Asks for the register to be made in the background (any size); the person is notified when it is ready. */
  async requestExport(
    ctx: RequestContext,
    kind: TRegisterKind,
    body: TRegisterExportCreate,
  ): Promise<{ id: string; rows: number }> {
    const input = ZRegisterExportCreate.parse(body);
    const { actor, unit, filter } = await this.resolve(ctx, kind, input, 'body');
    const rows = await this.d.registers.count(kind, filter);
    const payload: ExportPayload = {
      kind,
      unitId: unit.id,
      secret: input.secret,
      from: input.from,
      to: input.to,
      format: input.format,
      userId: actor.userId,
      principalId: principalOf(actor),
      title: registerTitle(kind, yearOf(input.from), input.secret),
      unitName: unit.name,
    };
    const id = await this.d.tx.transaction(async () => {
      const jobId = await this.d.jobs.enqueue(EXPORT_JOB, payload, { maxAttempts: 3 });
      if (!jobId) throw new AppError('CONFLICT');
      await this.d.audit.record(ctx, {
        action: 'reports.export',
        entityType: 'report-export',
        entityId: jobId,
        after: { ...payload, rows },
      });
      return jobId;
    });
    return { id, rows };
  }

  /** A background export of the person who asked for it (404 for anyone else). */
  async exportInfo(ctx: RequestContext, id: string): Promise<TReportExport> {
    const actor = authorize(ctx.actor, 'reports.registers');
    const row = await this.d.exports.byId(id, EXPORT_JOB);
    if (!row || row.payload.userId !== actor.userId) throw new AppError('NOT_FOUND');
    const files = await this.d.files.listFor(EXPORT_FILES, [id]);
    return {
      id,
      kind: row.payload.kind as TRegisterKind,
      format: row.payload.format,
      title: `${row.payload.title} – ${row.payload.unitName}`,
      status: row.status,
      file: files.get(id)?.[0] ?? null,
      createdAt: row.createdAt,
    };
  }

  /** Sends the file of a finished background export to the person who asked for it. */
  async sendExport(ctx: RequestContext, id: string, reply: FastifyReply): Promise<FastifyReply> {
    const info = await this.exportInfo(ctx, id);
    if (!info.file) throw new AppError('NOT_FOUND');
    return this.d.files.send(reply, info.file.id, { inline: false });
  }

  /**
   * The job: makes the file, keeps it (attached to the job's id), notifies the person. A retry
   * after the file was kept does nothing more; the last failed attempt tells the person.
   */
  async runExport(job: JobRecord): Promise<void> {
    const p = job.payload as ExportPayload;
    const kind = p.kind as TRegisterKind;
    const done = await this.d.files.listFor(EXPORT_FILES, [job.id]);
    if (done.get(job.id)?.length) return;
    const link = `/app/${REGISTER_FUNCTIONS[kind]}?export=${job.id}`;
    try {
      const unit = await this.d.registers.unit(p.unitId);
      if (!unit) throw new Error(`unit ${p.unitId} not found`);
      const filter = {
        unitId: p.unitId,
        secret: p.secret,
        from: p.from,
        to: p.to,
        secretRows: secretRowsSql(p.principalId, kind),
      };
      const doc = await this.document(kind, unit, filter);
      const buffer = await this.d.render.run({ type: 'register', format: p.format, doc });
      await this.d.tx.transaction(async () => {
        const file = await this.d.files.saveGenerated({
          userId: p.userId,
          name: registerFileName(kind, p.secret, p.from, p.to, p.format),
          ext: p.format,
          content: buffer,
          ownerType: EXPORT_FILES,
          ownerId: job.id,
        });
        await this.d.audit.record(
          { actor: { userId: p.userId }, ip: null },
          {
            action: 'reports.export.ready',
            entityType: 'report-export',
            entityId: job.id,
            after: { fileId: file.id, rows: doc.rows.length },
          },
        );
        await this.d.notifier.notify([p.userId], {
          kind: 'reports.export',
          title: 'Sổ đã sẵn sàng để tải về',
          body: `${p.title} – ${p.unitName} (${doc.rows.length.toLocaleString('vi-VN')} dòng)`,
          link,
        });
      });
    } catch (err) {
      if (job.attempts >= job.maxAttempts)
        await this.d.notifier.notify([p.userId], {
          kind: 'reports.export',
          title: 'Không lập được sổ',
          body: `${p.title} – ${p.unitName}: vui lòng thử lại hoặc báo quản trị hệ thống.`,
          link,
        });
      throw err;
    }
  }

  /** Checks the request against the policy: known unit in the person's scope, secret register only for its keeper. */
  private async resolve(
    ctx: RequestContext,
    kind: TRegisterKind,
    q: Where,
    part: 'querystring' | 'body',
  ): Promise<Resolved> {
    const actor = authorize(ctx.actor, 'reports.registers');
    const unit = await this.d.registers.unit(q.unitId);
    if (!unit) throw new AppError('VALIDATION_FAILED', { field: `${part}.unitId`, details: { reason: 'unknownUnit' } });
    const owned = { unitId: unit.id, unitPath: unit.path };
    authorizeUnit(actor, 'reports.registers', owned);
    if (q.secret) authorizeSecret(actor, kind, owned);
    return {
      actor,
      unit,
      filter: {
        unitId: unit.id,
        secret: q.secret,
        from: q.from,
        to: q.to,
        secretRows: secretRowsSql(principalOf(actor), kind),
      },
    };
  }

  /** The register's rows and cover facts, ready to render. */
  private async document(kind: TRegisterKind, unit: ReportUnitRow, f: RegisterFilter): Promise<RegisterDocument> {
    const raw = await this.d.registers.rows(kind, f);
    const now = this.d.clock.now();
    return {
      kind,
      organName: unit.parentName ?? '',
      unitName: unit.name,
      secret: f.secret,
      year: yearOf(f.from),
      from: f.from,
      to: f.to,
      numbers: numberRange(kind, raw),
      printedAt: now.toISOString(),
      rows: registerCells(kind, raw, vnDate(now)),
    };
  }
}

function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}

function depthOf(path: string): number {
  return path.split('/').filter(Boolean).length;
}

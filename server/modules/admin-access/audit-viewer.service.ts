import {
  AUDIT_EXPORT_MAX_ROWS,
  type TAuditEntry,
  type TAuditFacets,
  type TAuditFilters,
  type TAuditPage,
  type TAuditQuery,
  type TUserPick,
  type TUserPickQuery,
} from '../../../contracts/admin-access';
import { foldDiacritics, normalizeText } from '../../../contracts/text';
import type { Audit } from '../../platform/audit/audit.repository';
import type { RequestContext } from '../../platform/authz/actor';
import type { TxRunner } from '../../platform/db/tx';
import { AppError } from '../../platform/errors';
import { auditScopeSql, authorizeAudit } from './admin-access.policy';
import { buildAuditWorkbook } from './audit-export';
import type { AuditRow, AuditSqlFilters, AuditViewerRepository } from './audit-viewer.repository';

const DAY_MS = 86_400_000;
const EXPORT_BATCH = 1_000;

/** Start of a calendar day in Vietnam time (UTC+7, no daylight saving). */
function vietnamDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+07:00`);
}

function present(row: AuditRow): TAuditEntry {
  return { ...row, at: new Date(row.at).toISOString(), before: row.before ?? null, after: row.after ?? null };
}

/**
 * Nhật ký hệ thống: who did what to which record, when, from where, with before/after values.
 * Read-only by design: the log is append-only and nothing here changes it (the database refuses too).
 */
export class AuditViewerService {
  constructor(private readonly d: { tx: TxRunner; viewer: AuditViewerRepository; audit: Audit }) {}

  async list(ctx: RequestContext, q: TAuditQuery): Promise<TAuditPage> {
    const filters = this.filters(ctx, q);
    const rows = await this.d.viewer.page(filters, { beforeId: q.cursor, limit: q.limit + 1 });
    const items = rows.slice(0, q.limit).map(present);
    return { items, nextCursor: rows.length > q.limit ? (items[items.length - 1]?.id ?? null) : null };
  }

  async facets(ctx: RequestContext): Promise<TAuditFacets> {
    authorizeAudit(ctx.actor);
    const [actions, entityTypes] = [await this.d.viewer.actions(), await this.d.viewer.entityTypes()];
    return { actions, entityTypes };
  }

  /** People for the "Người thực hiện" filter: those whose entries the viewer may see. */
  async actors(ctx: RequestContext, q: TUserPickQuery): Promise<TUserPick[]> {
    const actor = authorizeAudit(ctx.actor);
    const folded = q.q ? foldDiacritics(normalizeText(q.q)).toLowerCase() : '';
    return this.d.viewer.actors({
      scope: (unitPath) => auditScopeSql(actor, unitPath),
      folded: folded || undefined,
      limit: q.limit,
    });
  }

  /**
   * The filtered log as XLSX, newest first, at most AUDIT_EXPORT_MAX_ROWS rows (a note row says
   * when more matched). The export itself is recorded afterwards, so the file starts with the
   * newest entry that existed when it was asked for.
   */
  async export(ctx: RequestContext, q: TAuditFilters): Promise<{ file: Buffer; truncated: boolean; rows: number }> {
    const filters = this.filters(ctx, q);
    const viewer = this.d.viewer;
    let rows = 0;
    let truncated = false;
    async function* batches(): AsyncGenerator<TAuditEntry[]> {
      let cursor: string | undefined;
      while (rows < AUDIT_EXPORT_MAX_ROWS) {
        const want = Math.min(EXPORT_BATCH, AUDIT_EXPORT_MAX_ROWS - rows);
        const page = await viewer.page(filters, { beforeId: cursor, limit: want + 1 });
        const items = page.slice(0, want);
        rows += items.length;
        if (items.length > 0) yield items.map(present);
        if (page.length <= want) return;
        if (rows >= AUDIT_EXPORT_MAX_ROWS) truncated = true;
        cursor = items[items.length - 1].id;
      }
    }
    const file = await buildAuditWorkbook(batches(), {
      note: () =>
        truncated
          ? `Chỉ xuất ${AUDIT_EXPORT_MAX_ROWS.toLocaleString('vi-VN')} dòng mới nhất; hãy thu hẹp bộ lọc để xuất phần còn lại.`
          : null,
    });
    await this.d.tx.transaction(() =>
      this.d.audit.record(ctx, {
        action: 'audit.export',
        entityType: 'audit_log',
        after: { filters: q, rows, truncated },
      }),
    );
    return { file, truncated, rows };
  }

  /** Checks the permission and turns the query into SQL filters with the viewer's visibility scope. */
  private filters(ctx: RequestContext, q: TAuditFilters): AuditSqlFilters {
    const actor = authorizeAudit(ctx.actor);
    if (q.from && q.to && q.from > q.to) throw new AppError('VALIDATION_FAILED', { field: 'querystring.to' });
    return {
      scope: (unitPath) => auditScopeSql(actor, unitPath),
      actorId: q.actorId,
      entityType: q.entityType ? normalizeText(q.entityType) : undefined,
      entityId: q.entityId ? normalizeText(q.entityId) : undefined,
      action: q.action ? normalizeText(q.action) : undefined,
      fromAt: q.from ? vietnamDayStart(q.from) : undefined,
      toAt: q.to ? new Date(vietnamDayStart(q.to).getTime() + DAY_MS) : undefined,
    };
  }
}

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AUDIT_EXPORT_MAX_ROWS } from '../../../contracts/admin-access';
import type { Audit } from '../../platform/audit/audit.repository';
import { type Actor, foldPermissions } from '../../platform/authz/actor';
import { formatVietnamTime } from './audit-export';
import type { AuditRow, AuditViewerRepository } from './audit-viewer.repository';
import { AuditViewerService } from './audit-viewer.service';

const viewerActor: Actor = {
  userId: 'u1',
  username: 'admin',
  fullName: 'Quản Trị',
  unitId: 'root',
  unitPath: '/root/',
  sessionId: 's',
  locale: 'vi',
  mustChangePassword: false,
  permissions: foldPermissions([{ p: 'admin.audit', s: 'all' }]),
};

/** A fake log of `total` entries, ids total..1, served in keyset pages like the repository. */
function fakeLog(total: number) {
  const calls: number[] = [];
  const repo = {
    async page(_f: unknown, opts: { beforeId?: string; limit: number }): Promise<AuditRow[]> {
      calls.push(opts.limit);
      const start = opts.beforeId ? Number(opts.beforeId) - 1 : total;
      const out: AuditRow[] = [];
      for (let id = start; id >= 1 && out.length < opts.limit; id--) {
        out.push({
          id: String(id),
          at: new Date(Date.UTC(2026, 0, 1, 17, 0, 0) + id * 1000),
          actorId: 'u1',
          actorName: 'Quản Trị',
          actorUsername: 'admin',
          onBehalfOfId: null,
          onBehalfOfName: null,
          action: 'group.update',
          entityType: 'group',
          entityId: `g${id}`,
          ip: '10.0.0.1',
          before: { n: id - 1 },
          after: { n: id },
        });
      }
      return out;
    },
  };
  return { repo: repo as unknown as AuditViewerRepository, calls };
}

const recorded: unknown[] = [];
const audit = { record: async (_c: unknown, e: unknown) => void recorded.push(e) } as unknown as Audit;
const tx = { transaction: <T>(fn: () => Promise<T>) => fn() };

describe('audit export', () => {
  it('formats times as dd/mm/yyyy HH:mm:ss in Vietnam time', () => {
    expect(formatVietnamTime('2026-01-01T17:30:05Z')).toBe('02/01/2026 00:30:05');
  });

  it(`stops at ${AUDIT_EXPORT_MAX_ROWS} rows with a note, reading the log in keyset batches`, async () => {
    const { repo, calls } = fakeLog(AUDIT_EXPORT_MAX_ROWS + 25);
    const service = new AuditViewerService({ tx, viewer: repo, audit });
    const res = await service.export({ actor: viewerActor, ip: null }, {});
    expect(res).toMatchObject({ rows: AUDIT_EXPORT_MAX_ROWS, truncated: true });
    expect(Math.max(...calls)).toBeLessThanOrEqual(1001);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.file as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(AUDIT_EXPORT_MAX_ROWS + 2);
    expect(ws.getRow(2).getCell(6).value).toBe(`g${AUDIT_EXPORT_MAX_ROWS + 25}`);
    expect(String(ws.getRow(AUDIT_EXPORT_MAX_ROWS + 2).getCell(1).value)).toContain('50.000');
    expect(recorded.at(-1)).toMatchObject({ action: 'audit.export', after: { truncated: true } });
  }, 60_000);

  it('exports everything without a note when the log is under the cap', async () => {
    const { repo } = fakeLog(1500);
    const res = await new AuditViewerService({ tx, viewer: repo, audit }).export({ actor: viewerActor, ip: null }, {});
    expect(res).toMatchObject({ rows: 1500, truncated: false });
  });
});

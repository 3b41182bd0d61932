import { IMPORT_MAX_BYTES, type TImportResult, type TImportUsers } from '../../../contracts/admin-users';
import { personSortKey } from '../../../contracts/text';
import type { Audit } from '../../platform/audit/audit.repository';
import { hashPassword } from '../../platform/auth/password';
import type { RequestContext } from '../../platform/authz/actor';
import { can } from '../../platform/authz/authorize';
import type { Clock } from '../../platform/clock';
import type { TxRunner } from '../../platform/db/tx';
import { uuidv7 } from '../../platform/db/ids';
import { AppError } from '../../platform/errors';
import { USERS_PERMISSION, canGrant, requireUserAdmin } from './admin-users.policy';
import { isUniqueViolation } from './admin-users.present';
import type { AdminUsersRepository } from './admin-users.repository';
import { type ImportContext, foldName, validateImportRows } from './import-rules';
import { generateOneTimePassword } from './one-time-password';
import { buildImportTemplate, readImportRows } from './users-xlsx';

/** Memberships created by an import apply to the user's own unit: the narrowest scope. */
const IMPORT_SCOPE = 'own';

/** Nhập người dùng từ Excel: the template and an all-or-nothing import. */
export class UsersImportService {
  constructor(private readonly d: { tx: TxRunner; repo: AdminUsersRepository; audit: Audit; clock: Clock }) {}

  /** The template, its guide listing the units, job titles and groups this administrator may use. */
  async template(ctx: RequestContext): Promise<Buffer> {
    const lookups = await this.lookups(ctx);
    return buildImportTemplate({
      units: lookups.units.filter((u) => u.inScope).map(({ code, name }) => ({ code, name })),
      jobTitles: lookups.jobTitleNames,
      groups: lookups.groupList.filter((g) => g.assignable).map(({ code, name }) => ({ code, name })),
    });
  }

  /**
   * Checks every row first; any bad row → 422 IMPORT_INVALID listing each problem by Excel line,
   * and nothing is created. Otherwise all accounts are created in one transaction, each with a
   * one-time password answered this once.
   */
  async import(ctx: RequestContext, input: TImportUsers): Promise<TImportResult> {
    requireUserAdmin(ctx.actor);
    const content = Buffer.from(input.contentBase64, 'base64');
    if (content.length === 0)
      throw new AppError('VALIDATION_FAILED', { field: 'file', details: { reason: 'notXlsx' } });
    if (content.length > IMPORT_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', { field: 'file' });
    const rows = await readImportRows(content);
    const lookups = await this.lookups(ctx);
    const usernames = rows.map((r) => (r.cells['Tên đăng nhập'] ?? '').trim().toLowerCase()).filter(Boolean);
    const context: ImportContext = {
      takenUsernames: new Set(await this.d.repo.takenUsernames([...new Set(usernames)])),
      units: new Map(lookups.units.map((u) => [u.code.toUpperCase(), u])),
      jobTitles: lookups.jobTitles,
      groups: new Map(lookups.groupList.map((g) => [g.code.toLowerCase(), g])),
    };
    const { errors, valid } = validateImportRows(rows, context);
    if (errors.length > 0) throw new AppError('IMPORT_INVALID', { details: { rows: errors } });

    // Hash outside the transaction: argon2 is the slow part and runs on the thread pool.
    const passwords = valid.map(() => generateOneTimePassword());
    const hashes = await Promise.all(passwords.map((p) => hashPassword(p)));
    const now = this.d.clock.now();
    try {
      await this.d.tx.transaction(async () => {
        for (const [i, row] of valid.entries()) {
          const id = uuidv7();
          const user = {
            id,
            username: row.username,
            fullName: row.fullName,
            sortKey: personSortKey(row.fullName),
            unitId: row.unitId,
            jobTitleId: row.jobTitleId,
            email: row.email,
            phone: row.phone,
            address: null,
          };
          await this.d.repo.insertUser({ ...user, passwordHash: hashes[i] }, now);
          const grants = row.groupIds.map((groupId) => ({ groupId, scope: IMPORT_SCOPE }));
          await this.d.repo.replaceGrants(id, grants);
          const { id: _id, sortKey: _s, ...after } = user;
          await this.d.audit.record(ctx, {
            action: 'user.create',
            entityType: 'user',
            entityId: id,
            after: { ...after, status: 'active', groups: grants, source: 'import', line: row.line },
          });
        }
        await this.d.audit.record(ctx, {
          action: 'user.import',
          entityType: 'user',
          after: { fileName: input.fileName, count: valid.length },
        });
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('DUPLICATE', { field: 'file' });
      throw err;
    }
    return {
      created: valid.map((row, i) => ({
        username: row.username,
        fullName: row.fullName,
        unitCode: row.unitCode,
        oneTimePassword: passwords[i],
      })),
    };
  }

  /** Units (with whether each is in scope), active job titles and coded groups (with whether assignable). */
  private async lookups(ctx: RequestContext) {
    const { actor } = requireUserAdmin(ctx.actor);
    const [units, titles, groups] = await Promise.all([
      this.d.repo.activeUnits(),
      this.d.repo.activeJobTitles(),
      this.d.repo.groups(),
    ]);
    const jobTitles = new Map<string, string>();
    for (const t of titles) if (!jobTitles.has(foldName(t.name))) jobTitles.set(foldName(t.name), t.id);
    return {
      units: units.map((u) => ({
        id: u.id,
        code: u.code,
        name: u.name,
        inScope: can(actor, USERS_PERMISSION, { unitId: u.id, unitPath: u.path }),
      })),
      jobTitles,
      jobTitleNames: titles.map((t) => t.name),
      groupList: groups
        .filter((g): g is typeof g & { code: string } => g.active && g.code !== null)
        .map((g) => ({
          id: g.id,
          code: g.code,
          name: g.name,
          assignable: canGrant(actor, { scope: IMPORT_SCOPE }, g),
        })),
    };
  }
}

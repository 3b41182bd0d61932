import { type SQL, sql } from 'drizzle-orm';
import { uuidArray } from '../../platform/db/arrays';
import type { Database } from '../../platform/db/database';
import type { FlowStep } from './outgoing.schema';

/** SQL of approval flows (thiết kế luồng công việc). */
export class FlowsRepository {
  constructor(private readonly db: Database) {}

  /** Flows of the units `scope` covers (a condition on the unit `un`), optionally of one unit. */
  list(scope: SQL, unitId?: string) {
    return this.select(unitId ? sql`${scope} AND f.unit_id = ${unitId}::uuid` : scope);
  }

  /** One flow with its unit and type names. */
  one(id: string) {
    return this.select(sql`f.id = ${id}::uuid`);
  }

  private async select(where: SQL) {
    return this.db.rows<Record<string, unknown>>(sql`
      SELECT f.*, un.name AS unit_name, un.path AS unit_path, dt.name AS type_name
      FROM approval_flows f JOIN units un ON un.id = f.unit_id
      LEFT JOIN document_types dt ON dt.id = f.document_type_id
      WHERE ${where}
      ORDER BY un.sort_order, un.name, f.active DESC, dt.sort_order NULLS FIRST, f.name`);
  }

  async byId(id: string) {
    const rows = await this.db.rows<Record<string, unknown>>(sql`
      SELECT f.*, un.path AS unit_path FROM approval_flows f JOIN units un ON un.id = f.unit_id
      WHERE f.id = ${id}::uuid`);
    return rows[0] ?? null;
  }

  async unit(id: string) {
    const rows = await this.db.rows<{ id: string; path: string }>(sql`
      SELECT id, path FROM units WHERE id = ${id}::uuid AND active`);
    return rows[0] ?? null;
  }

  async typeExists(id: string): Promise<boolean> {
    const rows = await this.db.rows(sql`SELECT 1 FROM document_types WHERE id = ${id}::uuid AND active`);
    return rows.length > 0;
  }

  /** Names of approvers by kind; missing ids are absent from the map. */
  async approverNames(ids: { user: string[]; jobTitle: string[]; group: string[] }) {
    const rows = await this.db.rows<{ kind: string; id: string; name: string }>(sql`
      SELECT 'user' AS kind, id, full_name AS name FROM users WHERE id = ANY(${uuidArray(ids.user)}) AND status = 'active'
      UNION ALL SELECT 'jobTitle', id, name FROM job_titles WHERE id = ANY(${uuidArray(ids.jobTitle)}) AND active
      UNION ALL SELECT 'group', id, name FROM groups WHERE id = ANY(${uuidArray(ids.group)}) AND active`);
    return new Map(rows.map((r) => [`${r.kind}:${r.id}`, r.name]));
  }

  async insert(f: { id: string; unitId: string; documentTypeId: string | null; name: string; steps: FlowStep[] }) {
    await this.db.rows(sql`
      INSERT INTO approval_flows (id, unit_id, document_type_id, name, steps)
      VALUES (${f.id}::uuid, ${f.unitId}::uuid, ${f.documentTypeId}::uuid, ${f.name}, ${JSON.stringify(f.steps)}::jsonb)`);
  }

  async update(id: string, f: { unitId: string; documentTypeId: string | null; name: string; steps: FlowStep[] }) {
    await this.db.rows(sql`
      UPDATE approval_flows SET unit_id = ${f.unitId}::uuid, document_type_id = ${f.documentTypeId}::uuid,
        name = ${f.name}, steps = ${JSON.stringify(f.steps)}::jsonb, active = true, updated_at = now()
      WHERE id = ${id}::uuid`);
  }

  /** Deactivates the other active flows of the same unit and type (one applies at a time). */
  async deactivateOthers(id: string, unitId: string, documentTypeId: string | null) {
    await this.db.rows(sql`
      UPDATE approval_flows SET active = false, updated_at = now()
      WHERE id <> ${id}::uuid AND unit_id = ${unitId}::uuid AND active
        AND document_type_id IS NOT DISTINCT FROM ${documentTypeId}::uuid`);
  }

  async setActive(id: string, active: boolean) {
    await this.db.rows(sql`UPDATE approval_flows SET active = ${active}, updated_at = now() WHERE id = ${id}::uuid`);
  }
}

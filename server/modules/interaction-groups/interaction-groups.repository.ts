import { sql } from 'drizzle-orm';
import type { TInteractionGroup } from '../../../contracts/interaction-groups';
import { uuidArray } from '../../platform/db/arrays';
import type { Database } from '../../platform/db/database';
import { isoOrNull as iso } from '../../platform/db/values';

/** SQL of interaction groups. */
export class InteractionGroupsRepository {
  constructor(private readonly db: Database) {}

  async list(ownerId: string, id?: string): Promise<TInteractionGroup[]> {
    const groups = await this.db.rows<Record<string, unknown>>(sql`
      SELECT g.id, g.name, g.kind, g.updated_at,
        (SELECT count(DISTINCT u.id)::int FROM interaction_group_members m
          JOIN users u ON u.status = 'active' AND (u.id = m.user_id OR u.unit_id = m.unit_id)
          WHERE m.group_id = g.id) AS reach
      FROM interaction_groups g
      WHERE g.owner_id = ${ownerId}::uuid AND g.removed_at IS NULL ${id ? sql`AND g.id = ${id}::uuid` : sql``}
      ORDER BY lower(g.name)`);
    if (groups.length === 0) return [];
    const members = await this.db.rows<{ group_id: string; id: string; name: string; detail: string | null }>(sql`
      SELECT m.group_id, coalesce(u.id, un.id) AS id, coalesce(u.full_name, un.name) AS name,
        CASE WHEN u.id IS NOT NULL THEN uu.name END AS detail
      FROM interaction_group_members m
      LEFT JOIN users u ON u.id = m.user_id LEFT JOIN units uu ON uu.id = u.unit_id
      LEFT JOIN units un ON un.id = m.unit_id
      WHERE m.group_id = ANY(${uuidArray(groups.map((g) => g.id as string))})
      ORDER BY coalesce(u.sort_key, un.name)`);
    return groups.map((g) => ({
      id: g.id as string,
      name: g.name as string,
      kind: g.kind as TInteractionGroup['kind'],
      reach: Number(g.reach),
      updatedAt: iso(g.updated_at) as string,
      members: members.filter((m) => m.group_id === g.id).map((m) => ({ id: m.id, name: m.name, detail: m.detail })),
    }));
  }

  /** How many of the ids are active people (users) or active units (units). */
  async countValid(kind: 'users' | 'units', ids: readonly string[]): Promise<number> {
    const rows =
      kind === 'users'
        ? await this.db.rows<{ n: number }>(sql`
            SELECT count(*)::int AS n FROM users WHERE id = ANY(${uuidArray(ids)}) AND status = 'active'`)
        : await this.db.rows<{ n: number }>(sql`
            SELECT count(*)::int AS n FROM units WHERE id = ANY(${uuidArray(ids)}) AND active`);
    return Number(rows[0].n);
  }

  async owned(ownerId: string, id: string) {
    const rows = await this.db.rows<{ id: string; name: string; kind: string }>(sql`
      SELECT id, name, kind FROM interaction_groups
      WHERE id = ${id}::uuid AND owner_id = ${ownerId}::uuid AND removed_at IS NULL FOR UPDATE`);
    return rows[0] ?? null;
  }

  async save(g: { id: string; ownerId: string; name: string; kind: string; memberIds: string[] }, isNew: boolean) {
    if (isNew)
      await this.db.rows(sql`
        INSERT INTO interaction_groups (id, owner_id, name, kind)
        VALUES (${g.id}::uuid, ${g.ownerId}::uuid, ${g.name}, ${g.kind})`);
    else
      await this.db.rows(sql`
        UPDATE interaction_groups SET name = ${g.name}, kind = ${g.kind}, updated_at = now() WHERE id = ${g.id}::uuid`);
    await this.db.rows(sql`DELETE FROM interaction_group_members WHERE group_id = ${g.id}::uuid`);
    const col = g.kind === 'users' ? sql`user_id` : sql`unit_id`;
    await this.db.rows(sql`
      INSERT INTO interaction_group_members (group_id, ${col})
      SELECT ${g.id}::uuid, m FROM unnest(${uuidArray([...new Set(g.memberIds)])}) AS m`);
  }

  async remove(id: string) {
    await this.db.rows(
      sql`UPDATE interaction_groups SET removed_at = now(), updated_at = now() WHERE id = ${id}::uuid`,
    );
  }
}

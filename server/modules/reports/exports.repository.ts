import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database';

/** What a background export remembers of its request (the job's payload). */
export interface ExportPayload {
  kind: string;
  unitId: string;
  secret: boolean;
  from: string;
  to: string;
  format: 'pdf' | 'xlsx';
  /** The person who asked (downloads it, is notified). */
  userId: string;
  /** Whose confidential documents count (the delegator under a delegation). */
  principalId: string;
  title: string;
  unitName: string;
}

export interface ExportRow {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  payload: ExportPayload;
  createdAt: string;
}

/**
 * Background exports are durable jobs (platform/jobs); their state and request are read from the
 * job row, so no table of their own is needed.
 */
export class ExportsRepository {
  constructor(private readonly db: Database) {}

  async byId(id: string, kind: string): Promise<ExportRow | null> {
    const rows = await this.db.rows<{ id: string; status: string; payload: ExportPayload; created_at: string | Date }>(
      sql`SELECT id, status, payload, created_at FROM jobs WHERE id = ${id}::uuid AND kind = ${kind}`,
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      status: r.status as ExportRow['status'],
      payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload,
      createdAt: new Date(r.created_at).toISOString(),
    };
  }
}

import { type SQL, sql } from 'drizzle-orm';
import type { TRegisterKind } from '../../../contracts/reports';
import type { Database } from '../../platform/db/database';

/** What selects the rows of a register: a unit, its normal or secret register, a period. */
export interface RegisterFilter {
  unitId: string;
  secret: boolean;
  /** First and last calendar day (Vietnam), `yyyy-mm-dd`. */
  from: string;
  to: string;
  /** The policy's condition on which confidential documents (`d` incoming, `o` outgoing) the person may see. */
  secretRows: SQL;
}

/** A unit as the cover of a register names it. */
export interface ReportUnitRow {
  id: string;
  name: string;
  path: string;
  parentId: string | null;
  parentName: string | null;
}

/** A calendar day in Vietnam of a timestamp column, as `yyyy-mm-dd` text. */
const vnDay = (column: SQL) => sql`((${column} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)::text`;
/** The instant a Vietnam calendar day starts, and the one after the last day ends. */
const startOf = (day: string) => sql`(${day}::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`;
const endOf = (day: string) => sql`((${day}::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`;

/** The FROM (tables the filter needs) and WHERE of a register's query. */
interface Source {
  from: SQL;
  where: SQL;
}

/** Incoming documents of the register (d), arrived in the period. */
function incomingDocs(f: RegisterFilter): Source {
  return {
    from: sql`FROM incoming_documents d JOIN registers r ON r.id = d.register_id`,
    where: sql`d.unit_id = ${f.unitId}::uuid AND r.secret = ${f.secret}
      AND d.arrival_at >= ${startOf(f.from)} AND d.arrival_at < ${endOf(f.to)}
      AND (NOT d.confidential OR ${f.secretRows})`,
  };
}

/** Steps that hand an incoming document to someone (Ngày chuyển of the handover book). */
const HANDOVER_ACTIONS = sql`('present','forward','direct','reassign')`;

/**
 * The rows of each register. Every query starts from the unit's documents through an index on
 * (unit_id, date); the secret condition comes from the policy.
 */
function source(kind: TRegisterKind, f: RegisterFilter): Source {
  switch (kind) {
    case 'incoming-register':
    case 'incoming-short':
      return incomingDocs(f);
    case 'incoming-tracking': {
      const docs = incomingDocs(f);
      return {
        from: docs.from,
        where: sql`${docs.where} AND d.status NOT IN ('cancelled','returned')
          AND (d.due_date IS NOT NULL OR d.lead_user_id IS NOT NULL)`,
      };
    }
    case 'incoming-handover':
      // A document is handed over after it arrives: the arrival bound lets the unit index do the work.
      return {
        from: sql`FROM incoming_steps s
          JOIN incoming_documents d ON d.id = s.document_id
          JOIN registers r ON r.id = d.register_id`,
        where: sql`d.unit_id = ${f.unitId}::uuid AND r.secret = ${f.secret}
          AND d.arrival_at < ${endOf(f.to)}
          AND s.action IN ${HANDOVER_ACTIONS}
          AND s.at >= ${startOf(f.from)} AND s.at < ${endOf(f.to)}
          AND (NOT d.confidential OR ${f.secretRows})`,
      };
    case 'outgoing-register':
      return {
        from: sql`FROM outgoing_documents o JOIN registers r ON r.id = o.register_id`,
        where: sql`o.unit_id = ${f.unitId}::uuid AND r.secret = ${f.secret}
          AND o.status IN ('issued','recalled') AND o.code_number IS NOT NULL
          AND o.issued_date BETWEEN ${f.from}::date AND ${f.to}::date
          AND (NOT o.confidential OR ${f.secretRows})`,
      };
    case 'outgoing-handover':
      return {
        from: sql`FROM document_deliveries dd
          JOIN outgoing_documents o ON o.id = dd.outgoing_id
          JOIN registers r ON r.id = o.register_id`,
        where: sql`o.unit_id = ${f.unitId}::uuid AND r.secret = ${f.secret}
          AND o.status IN ('issued','recalled')
          AND dd.sent_at >= ${startOf(f.from)} AND dd.sent_at < ${endOf(f.to)}
          AND (NOT o.confidential OR ${f.secretRows})`,
      };
  }
}

/** A trail target of an incoming step: who received the document and in which role. */
export interface StepTarget {
  name: string;
  role: string | null;
}

export interface IncomingRegisterRow {
  arrival_date: string;
  arrival_number: number;
  issuing_organ_name: string;
  code_number: string | null;
  code_notation: string | null;
  issued_date: string | null;
  type_name: string;
  subject: string;
  notes: string | null;
  status: string;
  cancel_reason: string | null;
  return_reason: string | null;
  handed_date: string | null;
  handed_to: StepTarget[] | null;
  lead_name: string | null;
}

export interface IncomingHandoverRow {
  at_date: string;
  arrival_number: number;
  action: string;
  targets: StepTarget[];
}

export interface IncomingTrackingRow {
  arrival_number: number;
  type_name: string;
  code_number: string | null;
  code_notation: string | null;
  issued_date: string | null;
  issuing_organ_name: string;
  handlers: StepTarget[] | null;
  due_date: string | null;
  status: string;
  completed_date: string | null;
  progress: number | null;
  reply_code: string | null;
  notes: string | null;
}

export interface OutgoingRegisterRow {
  code_number: number;
  code_notation: string | null;
  issued_date: string | null;
  type_name: string;
  subject: string;
  signer_name: string | null;
  signer_position: string | null;
  recipients_text: string | null;
  delivered_to: string | null;
  file_copy_to: string | null;
  copies: number | null;
  sent_date: string | null;
  notes: string | null;
  status: string;
  recall_reason: string | null;
}

export interface OutgoingHandoverRow {
  sent_date: string;
  code_number: number;
  code_notation: string | null;
  recipient_name: string;
  kind: string;
  email: string | null;
  status: string;
}

export type RegisterRowOf = {
  'incoming-register': IncomingRegisterRow;
  'incoming-short': IncomingRegisterRow;
  'incoming-handover': IncomingHandoverRow;
  'incoming-tracking': IncomingTrackingRow;
  'outgoing-register': OutgoingRegisterRow;
  'outgoing-handover': OutgoingHandoverRow;
};

/** Columns and order of each register's query. */
function selectOf(kind: TRegisterKind): { columns: SQL; joins: SQL; order: SQL } {
  switch (kind) {
    case 'incoming-register':
    case 'incoming-short':
      return {
        columns: sql`${vnDay(sql`d.arrival_at`)} AS arrival_date, d.arrival_number, d.issuing_organ_name,
          d.code_number, d.code_notation, d.issued_date::text AS issued_date, t.name AS type_name, d.subject,
          d.notes, d.status, d.cancel_reason, d.return_reason,
          ${vnDay(sql`h.at`)} AS handed_date, h.targets AS handed_to, lu.full_name AS lead_name`,
        joins: sql`JOIN document_types t ON t.id = d.document_type_id
          LEFT JOIN users lu ON lu.id = d.lead_user_id
          LEFT JOIN LATERAL (
            SELECT s.at, s.targets FROM incoming_steps s
            WHERE s.document_id = d.id AND s.action IN ('present','forward')
            ORDER BY s.at, s.id LIMIT 1) h ON true`,
        order: sql`ORDER BY d.arrival_number`,
      };
    case 'incoming-handover':
      return {
        columns: sql`${vnDay(sql`s.at`)} AS at_date, d.arrival_number, s.action, s.targets`,
        joins: sql``,
        order: sql`ORDER BY s.at, d.arrival_number, s.id`,
      };
    case 'incoming-tracking':
      return {
        columns: sql`d.arrival_number, t.name AS type_name, d.code_number, d.code_notation,
          d.issued_date::text AS issued_date, d.issuing_organ_name, d.due_date::text AS due_date, d.status,
          ${vnDay(sql`d.completed_at`)} AS completed_date, d.reply_code, d.notes,
          (SELECT jsonb_agg(jsonb_build_object('name', u.full_name, 'role', a.role) ORDER BY a.role DESC, a.created_at)
             FROM incoming_assignments a JOIN users u ON u.id = a.user_id
             WHERE a.document_id = d.id AND a.role IN ('lead','co') AND a.parent_id IS NULL
               AND a.state <> 'withdrawn') AS handlers,
          (SELECT max(a.progress) FROM incoming_assignments a
             WHERE a.document_id = d.id AND a.role = 'lead' AND a.state <> 'withdrawn') AS progress`,
        joins: sql`JOIN document_types t ON t.id = d.document_type_id`,
        order: sql`ORDER BY d.arrival_number`,
      };
    case 'outgoing-register':
      return {
        columns: sql`o.code_number, o.code_notation, o.issued_date::text AS issued_date, t.name AS type_name,
          o.subject, o.signer_name, o.signer_position, o.recipients_text, o.file_copy_to, o.copies, o.notes,
          o.status, o.recall_reason,
          (SELECT string_agg(x.recipient_name, '; ' ORDER BY x.created_at, x.id)
             FROM document_deliveries x WHERE x.outgoing_id = o.id) AS delivered_to,
          (SELECT ${vnDay(sql`min(x.sent_at)`)} FROM document_deliveries x WHERE x.outgoing_id = o.id) AS sent_date`,
        joins: sql`JOIN document_types t ON t.id = o.document_type_id`,
        order: sql`ORDER BY o.code_number, o.issued_date, o.id`,
      };
    case 'outgoing-handover':
      return {
        columns: sql`${vnDay(sql`dd.sent_at`)} AS sent_date, o.code_number, o.code_notation, dd.recipient_name,
          dd.kind, dd.email, dd.status`,
        joins: sql``,
        order: sql`ORDER BY dd.sent_at, o.code_number, dd.created_at, dd.id`,
      };
  }
}

/** All SQL of the printed registers. */
export class RegistersReportRepository {
  constructor(private readonly db: Database) {}

  async unit(id: string): Promise<ReportUnitRow | null> {
    const rows = await this.db.rows<{
      id: string;
      name: string;
      path: string;
      parent_id: string | null;
      parent_name: string | null;
    }>(sql`
      SELECT u.id, u.name, u.path, u.parent_id, p.name AS parent_name
      FROM units u LEFT JOIN units p ON p.id = u.parent_id WHERE u.id = ${id}::uuid`);
    const r = rows[0];
    return r ? { id: r.id, name: r.name, path: r.path, parentId: r.parent_id, parentName: r.parent_name } : null;
  }

  /** Active units whose path satisfies the scope condition (on `u.path`), in tree order. */
  async unitsIn(scope: SQL): Promise<ReportUnitRow[]> {
    const rows = await this.db.rows<{ id: string; name: string; path: string; parent_id: string | null }>(sql`
      SELECT u.id, u.name, u.path, u.parent_id FROM units u
      WHERE u.active AND ${scope}
      ORDER BY length(u.path) - length(replace(u.path, '/', '')), u.sort_order, u.name`);
    return rows.map((r) => ({ id: r.id, name: r.name, path: r.path, parentId: r.parent_id, parentName: null }));
  }

  /** How many rows the register would print. */
  async count(kind: TRegisterKind, f: RegisterFilter): Promise<number> {
    const { from, where } = source(kind, f);
    const rows = await this.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n ${from} WHERE ${where}`);
    return Number(rows[0]?.n ?? 0);
  }

  /** The rows of a register, in its order. */
  async rows<K extends TRegisterKind>(kind: K, f: RegisterFilter): Promise<RegisterRowOf[K][]> {
    const { from, where } = source(kind, f);
    const { columns, joins, order } = selectOf(kind);
    return this.db.rows<RegisterRowOf[K]>(sql`SELECT ${columns} ${from} ${joins} WHERE ${where} ${order}`);
  }
}

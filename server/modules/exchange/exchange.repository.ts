import { sql } from 'drizzle-orm';
import { DELIVERY_STATUS_CODES, type TDelivery, type TDeliveryStatus } from '../../../contracts/outgoing';
import { uuidArray } from '../../platform/db/arrays';
import type { Database } from '../../platform/db/database';
import { uuidv7 } from '../../platform/db/ids';
import { isoOrNull as iso } from '../../platform/db/values';

/** A recipient as a draft or issue names it. */
export interface RecipientRow {
  kind: 'unit' | 'organ';
  unitId: string | null;
  name: string;
  email: string | null;
}

export interface DeliveryCore {
  id: string;
  outgoingId: string;
  senderUnitId: string;
  kind: 'unit' | 'organ';
  recipientUnitId: string | null;
  recipientName: string;
  email: string | null;
  business: 'new' | 'replace';
  status: TDeliveryStatus;
  sentAt: string | null;
  incomingId: string | null;
  recallState: 'requested' | 'accepted' | null;
}

function toCore(r: Record<string, unknown>): DeliveryCore {
  return {
    id: r.id as string,
    outgoingId: r.outgoing_id as string,
    senderUnitId: r.sender_unit_id as string,
    kind: r.kind as DeliveryCore['kind'],
    recipientUnitId: (r.recipient_unit_id as string | null) ?? null,
    recipientName: r.recipient_name as string,
    email: (r.email as string | null) ?? null,
    business: r.business as DeliveryCore['business'],
    status: r.status as TDeliveryStatus,
    sentAt: iso(r.sent_at),
    incomingId: (r.incoming_id as string | null) ?? null,
    recallState: (r.recall_state as DeliveryCore['recallState']) ?? null,
  };
}

/** The columns of the recipient side's view of a delivery (its inbox), joined to the sent document. */
const INBOX_SELECT = sql`
  SELECT dl.id AS delivery_id, dl.outgoing_id, su.name AS sender_unit, o.code_number, o.code_notation,
    o.issued_date, dt.name AS document_type, o.document_type_id, o.subject, o.signer_name,
    o.urgency_code, uc.name AS urg_name, uc.rank AS urg_rank,
    o.confidentiality_code, cc.name AS conf_name, cc.rank AS conf_rank,
    dl.sent_at, dl.status, dl.business, dl.recall_state, o.recall_reason, dl.incoming_id,
    o.page_count, o.due_date, o.field_id, o.final_version,
    (SELECT v.id FROM outgoing_versions v WHERE v.document_id = o.id AND v.number = o.final_version) AS final_version_id
  FROM document_deliveries dl
  JOIN outgoing_documents o ON o.id = dl.outgoing_id
  JOIN units su ON su.id = dl.sender_unit_id
  JOIN document_types dt ON dt.id = o.document_type_id
  LEFT JOIN catalog_entries cc ON cc.catalog = 'confidentiality' AND cc.code = o.confidentiality_code
  LEFT JOIN catalog_entries uc ON uc.catalog = 'urgency' AND uc.code = o.urgency_code`;

/** SQL of deliveries (Nơi nhận of issued documents) and their receipt statuses. */
export class ExchangeRepository {
  constructor(private readonly db: Database) {}

  /** Replaces the recipients not yet sent (a draft's or a signed document's list). */
  async replacePending(outgoingId: string, senderUnitId: string, recipients: readonly RecipientRow[]): Promise<void> {
    await this.db.rows(sql`
      DELETE FROM document_deliveries WHERE outgoing_id = ${outgoingId}::uuid AND sent_at IS NULL AND status = 'pending'`);
    await this.addPending(outgoingId, senderUnitId, recipients, 'new');
  }

  async addPending(
    outgoingId: string,
    senderUnitId: string,
    recipients: readonly RecipientRow[],
    business: 'new' | 'replace',
  ): Promise<void> {
    if (recipients.length === 0) return;
    const values = recipients.map(
      (r) => sql`(${uuidv7()}::uuid, ${outgoingId}::uuid, ${senderUnitId}::uuid, ${r.kind}, ${r.unitId}::uuid,
        ${r.name}, ${r.email}, ${business}, 'pending')`,
    );
    await this.db.rows(sql`
      INSERT INTO document_deliveries (id, outgoing_id, sender_unit_id, kind, recipient_unit_id, recipient_name,
        email, business, status)
      VALUES ${sql.join(values, sql`, `)}`);
  }

  async forOutgoing(outgoingId: string, lock = false): Promise<DeliveryCore[]> {
    const rows = await this.db.rows<Record<string, unknown>>(sql`
      SELECT * FROM document_deliveries WHERE outgoing_id = ${outgoingId}::uuid
      ORDER BY kind DESC, recipient_name, id ${lock ? sql`FOR UPDATE` : sql``}`);
    return rows.map(toCore);
  }

  async byId(id: string, lock = false): Promise<DeliveryCore | null> {
    const rows = await this.db.rows<Record<string, unknown>>(sql`
      SELECT * FROM document_deliveries WHERE id = ${id}::uuid ${lock ? sql`FOR UPDATE` : sql``}`);
    return rows[0] ? toCore(rows[0]) : null;
  }

  /** Sets a delivery's status and appends it to its history with its QCVN 102 code. */
  async setStatus(
    id: string,
    status: Exclude<TDeliveryStatus, 'pending'>,
    at: Date,
    note: string | null,
    actorName: string | null,
    code = DELIVERY_STATUS_CODES[status],
  ): Promise<void> {
    await this.db.rows(sql`
      UPDATE document_deliveries SET status = ${status}, status_at = ${at.toISOString()}::timestamptz,
        status_note = ${note}, updated_at = now()
      WHERE id = ${id}::uuid`);
    await this.addEvent(id, status, code, at, note, actorName);
  }

  async addEvent(
    id: string,
    status: TDeliveryStatus,
    code: string,
    at: Date,
    note: string | null,
    actorName: string | null,
  ): Promise<void> {
    await this.db.rows(sql`
      INSERT INTO delivery_events (id, delivery_id, status, code, at, note, actor_name)
      VALUES (${uuidv7()}::uuid, ${id}::uuid, ${status}, ${code}, ${at.toISOString()}::timestamptz, ${note}, ${actorName})`);
  }

  async markSent(id: string, at: Date): Promise<void> {
    await this.db.rows(sql`
      UPDATE document_deliveries SET sent_at = ${at.toISOString()}::timestamptz, updated_at = now() WHERE id = ${id}::uuid`);
  }

  async setRecall(id: string, state: 'requested' | 'accepted', at: Date): Promise<void> {
    await this.db.rows(sql`
      UPDATE document_deliveries SET recall_state = ${state}, recall_at = ${at.toISOString()}::timestamptz,
        updated_at = now()
      WHERE id = ${id}::uuid`);
  }

  async setIncoming(id: string, incomingId: string): Promise<void> {
    await this.db.rows(sql`
      UPDATE document_deliveries SET incoming_id = ${incomingId}::uuid, updated_at = now() WHERE id = ${id}::uuid`);
  }

  /** The deliveries of documents with their history, for the sender's receipts table. */
  async detail(outgoingIds: readonly string[]): Promise<Map<string, TDelivery[]>> {
    const out = new Map<string, TDelivery[]>(outgoingIds.map((id) => [id, []]));
    if (outgoingIds.length === 0) return out;
    const rows = await this.db.rows<Record<string, unknown>>(sql`
      SELECT * FROM document_deliveries WHERE outgoing_id = ANY(${uuidArray(outgoingIds)})
      ORDER BY kind DESC, recipient_name, id`);
    const events = await this.db.rows<Record<string, unknown>>(sql`
      SELECT e.* FROM delivery_events e JOIN document_deliveries dl ON dl.id = e.delivery_id
      WHERE dl.outgoing_id = ANY(${uuidArray(outgoingIds)}) ORDER BY e.at, e.id`);
    const byDelivery = new Map<string, TDelivery['events']>();
    for (const e of events) {
      const list = byDelivery.get(e.delivery_id as string) ?? [];
      list.push({
        status: e.status as TDeliveryStatus,
        code: e.code as string,
        at: iso(e.at) as string,
        note: (e.note as string | null) ?? null,
        actorName: (e.actor_name as string | null) ?? null,
      });
      byDelivery.set(e.delivery_id as string, list);
    }
    for (const r of rows) {
      out.get(r.outgoing_id as string)?.push({
        id: r.id as string,
        kind: r.kind as TDelivery['kind'],
        unitId: (r.recipient_unit_id as string | null) ?? null,
        name: r.recipient_name as string,
        email: (r.email as string | null) ?? null,
        status: r.status as TDeliveryStatus,
        statusAt: iso(r.status_at),
        statusNote: (r.status_note as string | null) ?? null,
        sentAt: iso(r.sent_at),
        recallState: (r.recall_state as TDelivery['recallState']) ?? null,
        events: byDelivery.get(r.id as string) ?? [],
      });
    }
    return out;
  }

  /** The recipient unit's inbox: arrived documents and recall requests not yet confirmed. */
  async inbox(unitId: string): Promise<Record<string, unknown>[]> {
    return this.db.rows(sql`
      ${INBOX_SELECT}
      WHERE dl.recipient_unit_id = ${unitId}::uuid AND dl.kind = 'unit' AND dl.sent_at IS NOT NULL
        AND (dl.status = 'arrived' OR dl.recall_state = 'requested')
      ORDER BY dl.sent_at DESC LIMIT 500`);
  }

  async inboxItem(deliveryId: string): Promise<Record<string, unknown> | null> {
    const rows = await this.db.rows<Record<string, unknown>>(sql`
      ${INBOX_SELECT} WHERE dl.id = ${deliveryId}::uuid AND dl.kind = 'unit' AND dl.sent_at IS NOT NULL`);
    return rows[0] ?? null;
  }

  /** The incoming document registered from a delivery, with what decides its receipt status. */
  async incomingState(incomingId: string) {
    const rows = await this.db.rows<{
      delivery_id: string | null;
      status: string;
      return_reason: string | null;
      cancel_reason: string | null;
      working: boolean;
    }>(sql`
      SELECT d.delivery_id, d.status, d.return_reason, d.cancel_reason,
        EXISTS (SELECT 1 FROM incoming_assignments a WHERE a.document_id = d.id AND a.role IN ('lead','co')
                AND (a.state IN ('in_progress','done') OR a.progress > 0)) AS working
      FROM incoming_documents d WHERE d.id = ${incomingId}::uuid`);
    return rows[0] ?? null;
  }

  /**
   * A recall confirmed by the recipient's clerk: the incoming document registered from it is
   * cancelled (it keeps its arrival number), its open parts withdrawn, and the trail says why.
   */
  async cancelIncoming(incomingId: string, reason: string, actorId: string, at: Date): Promise<void> {
    await this.db.rows(sql`
      UPDATE incoming_documents SET status = 'cancelled', cancel_reason = ${reason}, pin_rank = 0, updated_at = now()
      WHERE id = ${incomingId}::uuid AND status <> 'cancelled'`);
    await this.db.rows(sql`
      UPDATE incoming_assignments SET state = 'withdrawn', updated_at = now()
      WHERE document_id = ${incomingId}::uuid AND state IN ('pending','in_progress','delegated')`);
    await this.db.rows(sql`
      INSERT INTO incoming_steps (id, document_id, at, actor_id, action, comment, targets)
      VALUES (${uuidv7()}::uuid, ${incomingId}::uuid, ${at.toISOString()}::timestamptz, ${actorId}::uuid, 'cancel',
        ${reason}, '[]'::jsonb)`);
  }

  /** Active holders of a permission in the units (recipient clerks, sender clerks). */
  async holdersIn(unitIds: readonly string[], permission: string): Promise<string[]> {
    if (unitIds.length === 0) return [];
    const rows = await this.db.rows<{ id: string }>(sql`
      SELECT u.id FROM users u
      WHERE u.unit_id = ANY(${uuidArray(unitIds)}) AND u.status = 'active'
        AND EXISTS (SELECT 1 FROM user_groups ug JOIN group_permissions gp ON gp.group_id = ug.group_id
                    JOIN groups g ON g.id = ug.group_id
                    WHERE ug.user_id = u.id AND g.active AND gp.permission = ${permission})`);
    return rows.map((r) => r.id);
  }

  /** The units' names and edXML identity (sender and recipients of a package). */
  async units(ids: readonly string[]) {
    if (ids.length === 0) return [];
    return this.db.rows<{
      id: string;
      name: string;
      short_name: string;
      organ_id: string | null;
      address: string | null;
      email: string | null;
      phone: string | null;
      active: boolean;
      parent_name: string | null;
    }>(sql`
      SELECT u.id, u.name, u.short_name, u.organ_id, u.address, u.email, u.phone, u.active, p.name AS parent_name
      FROM units u LEFT JOIN units p ON p.id = u.parent_id WHERE u.id = ANY(${uuidArray(ids)})`);
  }

  /** The catalog type with this name and the urgency of an edXML priority (rank = priority). */
  async catalogMatch(
    typeName: string,
    priority: number,
  ): Promise<{ typeId: string | null; urgencyCode: string | null }> {
    const rows = await this.db.rows<{ type_id: string | null; urgency_code: string | null }>(sql`
      SELECT (SELECT id FROM document_types WHERE active AND lower(name) = lower(${typeName}) LIMIT 1) AS type_id,
        (SELECT code FROM catalog_entries WHERE catalog = 'urgency' AND active AND rank = ${priority} AND ${priority} > 0
         LIMIT 1) AS urgency_code`);
    return { typeId: rows[0]?.type_id ?? null, urgencyCode: rows[0]?.urgency_code ?? null };
  }

  /** An outside email with the document's files (sent by the email channel's sender). */
  async outboxEmail(address: string, subject: string, body: string): Promise<string> {
    const id = uuidv7();
    await this.db.rows(sql`
      INSERT INTO outbox_messages (id, channel, address, subject, body)
      VALUES (${id}::uuid, 'email', ${address}, ${subject}, ${body})`);
    return id;
  }
}

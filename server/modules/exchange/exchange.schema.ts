import { sql } from 'drizzle-orm';
import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestamps, tstz } from '../../platform/db/columns';
import { units } from '../org/org.schema';
import { outgoingDocuments } from '../outgoing/outgoing.schema';

/**
 * One recipient of an issued outgoing document (Nơi nhận): a unit inside the system — the
 * document arrives in its clerk's queue — or an outside organ reached by email / edXML.
 * `status` is the latest receipt status (hồi báo, QCVN 102 codes): pending (not sent yet),
 * arrived 01, refused 02, registered 03, assigned 04, in_progress 05, done 06, recalled 13.
 * `recallState`: the sender recalled it — requested, then accepted (15) by the recipient's clerk.
 */
export const documentDeliveries = pgTable(
  'document_deliveries',
  {
    id: idColumn(),
    outgoingId: uuid('outgoing_id')
      .notNull()
      .references(() => outgoingDocuments.id),
    senderUnitId: uuid('sender_unit_id')
      .notNull()
      .references(() => units.id),
    /** unit | organ */
    kind: text('kind').notNull(),
    recipientUnitId: uuid('recipient_unit_id').references(() => units.id),
    recipientName: text('recipient_name').notNull(),
    email: text('email'),
    /** new | replace (edXML Bussiness 0 / 3) */
    business: text('business').notNull().default('new'),
    status: text('status').notNull().default('pending'),
    statusAt: tstz('status_at'),
    statusNote: text('status_note'),
    sentAt: tstz('sent_at'),
    /** The incoming document the recipient registered from it. */
    incomingId: uuid('incoming_id'),
    recallState: text('recall_state'),
    recallAt: tstz('recall_at'),
    ...timestamps(),
  },
  (t) => [
    index('deliveries_outgoing_idx').on(t.outgoingId),
    index('deliveries_recipient_idx').on(t.recipientUnitId, t.status),
    index('deliveries_incoming_idx').on(t.incomingId),
    index('deliveries_waiting_idx')
      .on(t.senderUnitId, t.sentAt)
      .where(sql`${t.kind} = 'unit' AND ${t.status} = 'arrived'`),
  ],
);

/** Every receipt status a delivery went through, with its date (the sender's hồi báo table). */
export const deliveryEvents = pgTable(
  'delivery_events',
  {
    id: idColumn(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => documentDeliveries.id),
    status: text('status').notNull(),
    /** QCVN 102 status code: 01 arrived … 06 done, 13 recalled, 15/16 recall accepted/refused. */
    code: text('code').notNull(),
    at: tstz('at').notNull(),
    note: text('note'),
    actorName: text('actor_name'),
  },
  (t) => [index('delivery_events_delivery_idx').on(t.deliveryId, t.at)],
);

import { formatArrivalNumber, type THandlerRole } from '../../../contracts/incoming';
import type { Actor, RequestContext } from '../../platform/authz/actor';
import { AppError } from '../../platform/errors';
import type { IncomingDeps } from './incoming.deps';
import { scheduleReminders } from './incoming.reminders';
import type { IncomingCore } from './incoming.repository';

/** Link that opens a document in the app. */
export function documentLink(id: string): string {
  return `/app/incoming-view?doc=${id}`;
}

/** "Số đến 05/2026 – Kế hoạch tuyển sinh …" for notifications. */
export function documentLine(doc: Pick<IncomingCore, 'arrivalNumber' | 'year' | 'subject'>): string {
  return `Số đến ${formatArrivalNumber(doc.arrivalNumber)}/${doc.year} – ${doc.subject}`;
}

/** Notification titles by kind (Vietnamese, the language of the organisation). */
export const NOTIFY_TITLES = {
  present: 'Văn bản đến chờ cho ý kiến chỉ đạo',
  assigned: 'Văn bản đến được giao xử lý',
  info: 'Văn bản đến để biết',
  askOpinion: 'Xin ý kiến về văn bản đến',
  returned: 'Văn bản đến bị trả lại',
  done: 'Văn bản đến đã giải quyết xong',
  dueSoon: 'Văn bản đến sắp đến hạn xử lý',
  overdue: 'Văn bản đến đã quá hạn xử lý',
  dailySummary: 'Văn bản đến quá hạn của đơn vị',
} as const;

export const ROLE_WORDS: Record<string, string> = {
  director: 'cho ý kiến chỉ đạo',
  lead: 'chủ trì',
  co: 'phối hợp',
  info: 'để biết',
};

/** Checks that every id is an active person; returns them with whether they are leaders. */
export async function activePeople(d: IncomingDeps, ids: readonly string[], field: string) {
  const unique = [...new Set(ids)];
  const people = await d.repo.people(unique, 'incoming.direct');
  if (people.length !== unique.length) {
    const missing = unique.find((id) => !people.some((p) => p.id === id));
    throw new AppError('VALIDATION_FAILED', { field, details: { id: missing } });
  }
  return unique.map((id) => people.find((p) => p.id === id) as (typeof people)[number]);
}

/** Asks leaders to direct a document (trình lãnh đạo); skips those already asked and waiting. */
export async function presentTo(
  d: IncomingDeps,
  ctx: RequestContext,
  actor: Actor,
  doc: IncomingCore,
  leaders: { id: string; full_name: string; holds: boolean }[],
  comment: string | null,
  at: Date,
): Promise<void> {
  const notLeader = leaders.find((l) => !l.holds);
  if (notLeader) throw new AppError('VALIDATION_FAILED', { field: 'body.leaderIds', details: { id: notLeader.id } });
  const existing = await d.repo.assignments(doc.id);
  const fresh = leaders.filter(
    (l) => !existing.some((a) => a.userId === l.id && a.role === 'director' && a.state === 'pending'),
  );
  for (const l of fresh)
    await d.repo.addAssignment({
      documentId: doc.id,
      userId: l.id,
      role: 'director',
      dueDate: null,
      assignedBy: actor.userId,
    });
  await d.repo.grantAccess(
    doc.id,
    leaders.map((l) => l.id),
  );
  if (doc.status === 'new') await d.repo.update(doc.id, { status: 'presented' });
  await d.repo.addStep({
    documentId: doc.id,
    at,
    actorId: actor.userId,
    onBehalfOfId: actor.onBehalfOf?.userId ?? null,
    action: 'present',
    comment,
    targets: leaders.map((l) => ({ name: l.full_name, role: 'director', dueDate: null })),
  });
  await d.audit.record(ctx, {
    action: 'incoming.present',
    entityType: 'incoming_document',
    entityId: doc.id,
    after: { leaderIds: leaders.map((l) => l.id), comment },
  });
  await d.notifier.notify(
    fresh.map((l) => l.id),
    { kind: 'incoming.present', title: NOTIFY_TITLES.present, body: documentLine(doc), link: documentLink(doc.id) },
  );
  await d.realtime.badgesChanged(leaders.map((l) => l.id));
}

/** Gives a document to handlers with roles and due dates (a direction, a forward or a re-assignment). */
export async function assignHandlers(
  d: IncomingDeps,
  actor: Actor,
  doc: IncomingCore,
  handlers: { userId: string; role: THandlerRole; dueDate: string | null; fullName: string }[],
  parentId: string | null,
): Promise<void> {
  for (const h of handlers) {
    const id = await d.repo.addAssignment({
      documentId: doc.id,
      userId: h.userId,
      role: h.role,
      dueDate: h.role === 'info' ? null : h.dueDate,
      assignedBy: actor.userId,
      parentId,
    });
    if (h.role !== 'info' && h.dueDate) await scheduleReminders(d, id, h.dueDate);
  }
  const ids = handlers.map((h) => h.userId);
  await d.repo.grantAccess(doc.id, ids);
  const working = handlers.filter((h) => h.role !== 'info').map((h) => h.userId);
  const informed = handlers.filter((h) => h.role === 'info').map((h) => h.userId);
  const link = documentLink(doc.id);
  for (const h of handlers.filter((x) => x.role !== 'info')) {
    const due = h.dueDate ? ` – hạn ${h.dueDate.split('-').reverse().join('/')}` : '';
    await d.notifier.notify([h.userId], {
      kind: 'incoming.assigned',
      title: NOTIFY_TITLES.assigned,
      body: `${documentLine(doc)} (${ROLE_WORDS[h.role]}${due})`,
      link,
    });
  }
  if (informed.length)
    await d.notifier.notify(informed, {
      kind: 'incoming.info',
      title: NOTIFY_TITLES.info,
      body: documentLine(doc),
      link,
    });
  await d.realtime.badgesChanged([...working, ...informed]);
}

/**
 * Recipients chosen on the entry form: leaders (incoming.direct) are asked to direct it,
 * anyone else receives it for information. Inside the registering transaction.
 */
export async function distribute(
  d: IncomingDeps,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  recipientIds: string[],
  at: Date,
): Promise<void> {
  const people = await activePeople(d, recipientIds, 'body.recipientIds');
  const doc = await d.repo.core(id, true);
  if (!doc) throw new AppError('NOT_FOUND');
  const leaders = people.filter((p) => p.holds);
  const others = people.filter((p) => !p.holds);
  if (leaders.length) await presentTo(d, ctx, actor, doc, leaders, null, at);
  if (others.length) {
    await assignHandlers(
      d,
      actor,
      doc,
      others.map((p) => ({ userId: p.id, role: 'info' as const, dueDate: null, fullName: p.full_name })),
      null,
    );
    await d.repo.addStep({
      documentId: id,
      at,
      actorId: actor.userId,
      onBehalfOfId: actor.onBehalfOf?.userId ?? null,
      action: 'forward',
      targets: others.map((p) => ({ name: p.full_name, role: 'info', dueDate: null })),
    });
  }
}

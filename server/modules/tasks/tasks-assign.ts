import { formatVnDate } from '../../../contracts/calendar';
import type { TTaskRole, TTaskTarget } from '../../../contracts/tasks';
import { type Actor, principalOf } from '../../platform/authz/actor';
import { can } from '../../platform/authz/authorize';
import { AppError } from '../../platform/errors';
import { scheduleReminders } from './tasks.reminders';
import type { TasksDeps } from './tasks.deps';
import { ASSIGN, OPEN_PARTS } from './tasks.policy';
import type { TaskAssignmentRow, TaskCore } from './tasks.repository';

/** Link that opens a task in "Việc nhận" (for the people working on it). */
export function receivedLink(id: string): string {
  return `/app/tasks-received?task=${id}`;
}

/** Link that opens a task in "Việc giao" (for the assigner). */
export function assignedLink(id: string): string {
  return `/app/tasks-assigned?task=${id}`;
}

/** Notification titles by kind (Vietnamese, the language of the organisation). */
export const NOTIFY_TITLES = {
  assigned: 'Công việc mới được giao',
  follow: 'Công việc để theo dõi',
  accepted: 'Công việc đã được tiếp nhận',
  proposed: 'Đề xuất tự xử lý công việc',
  approved: 'Đề xuất xử lý được chấp thuận',
  rejected: 'Đề xuất xử lý không được chấp thuận',
  handedOn: 'Công việc được giao lại',
  report: 'Báo cáo tiến độ công việc',
  done: 'Công việc đã hoàn thành',
  urge: 'Đôn đốc thực hiện công việc',
  dueChanged: 'Công việc đổi hạn xử lý',
  closed: 'Công việc đã được đóng và đánh giá',
  cancelled: 'Công việc đã bị hủy',
  dueSoon: 'Công việc sắp đến hạn',
  overdue: 'Công việc đã quá hạn',
} as const;

export const ROLE_WORDS: Record<TTaskRole, string> = { lead: 'chủ trì', co: 'phối hợp', follow: 'theo dõi' };

/** "Tiêu đề (chủ trì – hạn 25/11/2026)" for notifications. */
export function partLine(title: string, role: TTaskRole, due: string | null): string {
  return `${title} (${ROLE_WORDS[role]}${due ? ` – hạn ${formatVnDate(due)}` : ''})`;
}

/** A part still counted on the task (not handed on, not released). */
export function isLive(a: TaskAssignmentRow): boolean {
  return a.state !== 'handed_over' && a.state !== 'withdrawn';
}

/** A part that somebody still has to work on or decide. */
export function isOpenPart(a: TaskAssignmentRow): boolean {
  return (OPEN_PARTS as readonly string[]).includes(a.state);
}

/** What a step records about the people it gave parts to. */
export interface GivenPart {
  userId: string;
  name: string;
  role: TTaskRole;
  unit: string | null;
}

const invalid = (details: Record<string, unknown>) =>
  new AppError('VALIDATION_FAILED', { field: 'body.targets', details });

/**
 * Gives parts of a task to people and to units (each leader of a unit receives the unit's part;
 * the first to take it up holds it). The actor's own part starts accepted; a follower's needs no
 * acceptance; anyone else's waits for acceptance ("Xem công việc" counts it). One lead at most on
 * the task: a new lead takes over the creator's own kept part. Writes the parts, schedules their
 * reminders, notifies and refreshes badges; the caller records the trail step and the audit.
 */
export async function giveParts(
  d: TasksDeps,
  actor: Actor,
  task: TaskCore,
  targets: TTaskTarget[],
  existing: TaskAssignmentRow[],
  now: Date,
): Promise<GivenPart[]> {
  const me = principalOf(actor);
  const userIds = targets.flatMap((t) => (t.userId ? [t.userId] : []));
  const unitIds = targets.flatMap((t) => (t.unitId ? [t.unitId] : []));
  if (new Set(userIds).size !== userIds.length || new Set(unitIds).size !== unitIds.length)
    throw invalid({ reason: 'duplicate' });
  if (!can(actor, ASSIGN) && (unitIds.length > 0 || userIds.some((u) => u !== me))) throw new AppError('FORBIDDEN');

  const liveLeads = existing.filter((a) => a.role === 'lead' && isLive(a));
  const newLeads = targets.filter((t) => t.role === 'lead').length;
  const ownKept = liveLeads.length === 1 && liveLeads[0].userId === me && liveLeads[0].assignedBy === me;
  if (newLeads > 1 || (newLeads === 1 && liveLeads.length > 0 && !ownKept)) throw invalid({ reason: 'oneLead' });

  const people = await d.repo.people(userIds);
  const missing = userIds.find((id) => !people.some((p) => p.id === id));
  if (missing) throw invalid({ id: missing });
  const units = await d.repo.units(unitIds);
  const missingUnit = unitIds.find((id) => !units.some((u) => u.id === id));
  if (missingUnit) throw invalid({ id: missingUnit });
  const leaders = (await d.repo.unitLeaders(unitIds)).filter((l) => l.id !== me);
  const leaderless = units.find((u) => !leaders.some((l) => l.unit_id === u.id));
  if (leaderless) throw invalid({ reason: 'noLeader', unit: leaderless.name });
  const busy = existing.find((a) => isOpenPart(a) && userIds.includes(a.userId));
  if (busy) throw invalid({ reason: 'duplicate', id: busy.userId });

  if (newLeads === 1 && ownKept) {
    await d.repo.setAssignment(liveLeads[0].id, { state: 'handed_over', completedAt: now });
  }

  const given: GivenPart[] = [];
  const taken = new Set([...userIds, ...existing.filter(isOpenPart).map((a) => a.userId)]);
  const give = async (p: { id: string; full_name: string; unit_path: string }, role: TTaskRole, via: string | null) => {
    const self = p.id === me;
    const accepted = self || role === 'follow';
    const id = await d.repo.addAssignment({
      taskId: task.id,
      userId: p.id,
      unitPath: p.unit_path,
      role,
      state: accepted ? 'in_progress' : 'pending',
      viaUnitId: via,
      assignedBy: me,
      parentId: null,
      dueDate: null,
      progress: 0,
      acceptedAt: accepted ? now : null,
    });
    if (role !== 'follow' && task.dueDate) await scheduleReminders(d, id, task.dueDate);
    given.push({
      userId: p.id,
      name: p.full_name,
      role,
      unit: via ? (units.find((u) => u.id === via)?.name ?? null) : null,
    });
  };
  for (const t of targets) {
    if (t.userId) await give(people.find((p) => p.id === t.userId) as (typeof people)[number], t.role, null);
    else
      for (const l of leaders.filter((x) => x.unit_id === t.unitId && !taken.has(x.id))) {
        taken.add(l.id);
        await give(l, t.role, t.unitId as string);
      }
  }

  const others = given.filter((g) => g.userId !== me);
  for (const g of others) {
    await d.notifier.notify([g.userId], {
      kind: g.role === 'follow' ? 'tasks.follow' : 'tasks.assigned',
      title: g.role === 'follow' ? NOTIFY_TITLES.follow : NOTIFY_TITLES.assigned,
      body: partLine(task.title, g.role, g.role === 'follow' ? null : task.dueDate),
      link: receivedLink(task.id),
    });
  }
  await d.realtime.badgesChanged(others.filter((g) => g.role !== 'follow').map((g) => g.userId));
  return given;
}

/** The trail's record of the people given parts. */
export function givenData(given: GivenPart[]) {
  return { targets: given.map((g) => ({ name: g.name, role: g.role, unit: g.unit })) };
}

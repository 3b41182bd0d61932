import { addDays, vnDate } from '../../../contracts/calendar';
import {
  isInWeek,
  type TScheduleCopyResult,
  type TScheduleEntry,
  type TScheduleEntryCreateParsed,
  type TScheduleEntryUpdateParsed,
  type TScheduleUnit,
  type TScheduleWeek,
  weekStartOf,
} from '../../../contracts/schedule';
import type { Audit } from '../../platform/audit/audit.repository';
import { type Actor, type RequestContext, signedIn } from '../../platform/authz/actor';
import { can } from '../../platform/authz/authorize';
import type { Clock } from '../../platform/clock';
import type { TxRunner } from '../../platform/db/tx';
import { AppError, notFound } from '../../platform/errors';
import { renderWeekPdf } from './render/week-pdf';
import { EDIT, PUBLISH, scheduleAbilities } from './schedule.policy';
import {
  type EntryFields,
  type ScheduleEntryRow,
  type ScheduleRepository,
  type ScheduleUnitRow,
  toApiEntry,
} from './schedule.repository';

export interface ScheduleDeps {
  tx: TxRunner;
  schedule: ScheduleRepository;
  audit: Audit;
  clock: Clock;
}

const target = (u: { id: string; path: string }) => ({ unitId: u.id, unitPath: u.path });

/** Audit snapshot of a line (its unit and week included, to find it again in the log). */
function snapshot(e: ScheduleEntryRow) {
  const { updatedAt: _u, id: _i, ...rest } = e;
  return rest;
}

/** Lịch công tác tuần: read a week, draft its lines, publish, copy the week before. */
export class ScheduleService {
  constructor(private readonly d: ScheduleDeps) {}

  /** The Monday of the current week, Vietnam time. */
  thisWeek(): string {
    return weekStartOf(vnDate(this.d.clock.now()));
  }

  /** A unit's week as this user may see it; an unknown unit is an empty week without a unit. */
  async week(ctx: RequestContext, unitId: string | undefined, weekStart: string | undefined): Promise<TScheduleWeek> {
    const actor = signedIn(ctx);
    return this.readWeek(actor, unitId ?? actor.unitId, weekStart ?? this.thisWeek());
  }

  /** Every active unit, own first, with whether the week is published and whether the user may edit it. */
  async units(ctx: RequestContext, weekStart: string | undefined): Promise<TScheduleUnit[]> {
    const actor = signedIn(ctx);
    const rows = await this.d.schedule.units(actor.unitId, weekStart ?? this.thisWeek());
    return rows.map((u) => ({
      id: u.id,
      name: u.name,
      shortName: u.shortName,
      own: u.id === actor.unitId,
      canEdit: can(actor, EDIT, target(u)) || can(actor, PUBLISH, target(u)),
      published: Boolean(u.published),
    }));
  }

  async createEntry(ctx: RequestContext, input: TScheduleEntryCreateParsed): Promise<TScheduleEntry> {
    const actor = signedIn(ctx);
    const { unitId, weekStart } = input;
    if (!isInWeek(input.day, weekStart)) throw new AppError('VALIDATION_FAILED', { field: 'body.day' });
    return this.d.tx.transaction(async () => {
      const unit = await this.editableUnit(actor, unitId, weekStart);
      await this.d.schedule.ensureWeek(unit.id, weekStart, this.d.clock.now());
      const week = await this.d.schedule.week(unit.id, weekStart, true);
      this.checkEdit(actor, unit, week?.status ?? 'draft');
      const fields: EntryFields = {
        day: input.day,
        session: input.session,
        startTime: input.startTime ?? null,
        content: input.content,
        chair: input.chair ?? null,
        participants: input.participants ?? null,
        location: input.location ?? null,
        preparingUnit: input.preparingUnit ?? null,
      };
      const id = await this.d.schedule.insert(unit.id, weekStart, fields, actor.userId, this.d.clock.now());
      const created = (await this.d.schedule.entry(id)) as ScheduleEntryRow;
      await this.d.audit.record(ctx, {
        action: 'schedule.entry.create',
        entityType: 'schedule_entry',
        entityId: id,
        after: { ...snapshot(created), weekStatus: week?.status ?? 'draft' },
      });
      return toApiEntry(created);
    });
  }

  async updateEntry(ctx: RequestContext, id: string, patch: TScheduleEntryUpdateParsed): Promise<TScheduleEntry> {
    const actor = signedIn(ctx);
    return this.d.tx.transaction(async () => {
      const { before, unit, status } = await this.lockedEntry(actor, id);
      const next: EntryFields = {
        day: patch.day ?? before.day,
        session: patch.session ?? before.session,
        startTime: patch.startTime !== undefined ? patch.startTime : before.startTime,
        content: patch.content ?? before.content,
        chair: patch.chair !== undefined ? patch.chair : before.chair,
        participants: patch.participants !== undefined ? patch.participants : before.participants,
        location: patch.location !== undefined ? patch.location : before.location,
        preparingUnit: patch.preparingUnit !== undefined ? patch.preparingUnit : before.preparingUnit,
      };
      if (!isInWeek(next.day, before.weekStart)) throw new AppError('VALIDATION_FAILED', { field: 'body.day' });
      await this.d.schedule.update(id, next, this.d.clock.now());
      const after = (await this.d.schedule.entry(id)) as ScheduleEntryRow;
      await this.d.audit.record(ctx, {
        action: 'schedule.entry.update',
        entityType: 'schedule_entry',
        entityId: id,
        before: snapshot(before),
        after: { ...snapshot(after), weekStatus: status, unitName: unit.name },
      });
      return toApiEntry(after);
    });
  }

  /** Soft delete: the line stays with deleted_at set and leaves the week. */
  async deleteEntry(ctx: RequestContext, id: string): Promise<{ ok: true }> {
    const actor = signedIn(ctx);
    return this.d.tx.transaction(async () => {
      const { before, status } = await this.lockedEntry(actor, id);
      await this.d.schedule.softDelete(id, this.d.clock.now());
      await this.d.audit.record(ctx, {
        action: 'schedule.entry.delete',
        entityType: 'schedule_entry',
        entityId: id,
        before: snapshot(before),
        after: { weekStatus: status },
      });
      return { ok: true as const };
    });
  }

  /** Publishes a draft week with at least one line: every unit then sees it. */
  async publish(ctx: RequestContext, unitId: string, weekStart: string): Promise<TScheduleWeek> {
    return this.setStatus(ctx, unitId, weekStart, 'published');
  }

  /** Takes a published week back to draft (leaders), e.g. to rework it before publishing again. */
  async unpublish(ctx: RequestContext, unitId: string, weekStart: string): Promise<TScheduleWeek> {
    return this.setStatus(ctx, unitId, weekStart, 'draft');
  }

  /** Copies the lines of the week before into this week (as its draft, or into a published week by a publisher). */
  async copyPrevious(ctx: RequestContext, unitId: string, weekStart: string): Promise<TScheduleCopyResult> {
    const actor = signedIn(ctx);
    return this.d.tx.transaction(async () => {
      const unit = await this.editableUnit(actor, unitId, weekStart);
      const now = this.d.clock.now();
      const week = await this.d.schedule.ensureWeek(unit.id, weekStart, now);
      this.checkEdit(actor, unit, week.status);
      const ids = await this.d.schedule.copyFromPrevious(unit.id, weekStart, actor.userId, now);
      await this.d.audit.record(ctx, {
        action: 'schedule.week.copy-previous',
        entityType: 'schedule_week',
        entityId: `${unit.id}:${weekStart}`,
        after: { from: addDays(weekStart, -7), to: weekStart, copied: ids.length, entryIds: ids },
      });
      return { copied: ids.length, week: await this.readWeek(actor, unit.id, weekStart) };
    });
  }

  /** The unit of a week the actor may change; 404 when the unit is unknown or its drafts are hidden from them. */
  private async editableUnit(actor: Actor, unitId: string, weekStart: string): Promise<ScheduleUnitRow> {
    const unit = await this.d.schedule.unit(unitId);
    if (!unit) throw notFound();
    const week = await this.d.schedule.week(unit.id, weekStart);
    const abilities = scheduleAbilities(actor, target(unit), week?.status ?? 'draft');
    if (!abilities.seeDrafts && week?.status !== 'published') throw notFound();
    return unit;
  }

  private checkEdit(actor: Actor, unit: ScheduleUnitRow, status: 'draft' | 'published'): void {
    if (!scheduleAbilities(actor, target(unit), status).edit) throw new AppError('FORBIDDEN');
  }

  /** A live line with its unit and locked week, after checking that the actor may change it. */
  private async lockedEntry(actor: Actor, id: string) {
    const before = await this.d.schedule.entry(id);
    if (!before) throw notFound();
    const unit = (await this.d.schedule.unit(before.unitId)) as ScheduleUnitRow;
    const week = await this.d.schedule.week(unit.id, before.weekStart, true);
    const status = week?.status ?? 'draft';
    const abilities = scheduleAbilities(actor, target(unit), status);
    // A draft line stays unknown to those who may not see drafts.
    if (!abilities.seeDrafts && status !== 'published') throw notFound();
    if (!abilities.edit) throw new AppError('FORBIDDEN');
    // Read again under the week's lock: a concurrent delete may have happened meanwhile.
    const fresh = await this.d.schedule.entry(id);
    if (!fresh) throw notFound();
    return { before: fresh, unit, status };
  }

  private async setStatus(
    ctx: RequestContext,
    unitId: string,
    weekStart: string,
    status: 'draft' | 'published',
  ): Promise<TScheduleWeek> {
    const actor = signedIn(ctx);
    return this.d.tx.transaction(async () => {
      const unit = await this.editableUnit(actor, unitId, weekStart);
      if (!scheduleAbilities(actor, target(unit), 'draft').publish) throw new AppError('FORBIDDEN');
      const now = this.d.clock.now();
      const week = await this.d.schedule.ensureWeek(unit.id, weekStart, now);
      if (week.status === status) throw new AppError('INVALID_STATE', { details: { status } });
      if (status === 'published' && (await this.d.schedule.countEntries(unit.id, weekStart)) === 0)
        throw new AppError('INVALID_STATE', { details: { reason: 'empty' } });
      await this.d.schedule.setStatus(unit.id, weekStart, status, actor.userId, now);
      await this.d.audit.record(ctx, {
        action: status === 'published' ? 'schedule.week.publish' : 'schedule.week.unpublish',
        entityType: 'schedule_week',
        entityId: `${unit.id}:${weekStart}`,
        before: { status: week.status, publishedAt: week.publishedAt, publishedBy: week.publishedBy?.id ?? null },
        after: { status },
      });
      return this.readWeek(actor, unit.id, weekStart);
    });
  }

  private async readWeek(actor: Actor, unitId: string, weekStart: string): Promise<TScheduleWeek> {
    const weekEnd = addDays(weekStart, 6);
    const empty: TScheduleWeek = {
      unit: null,
      weekStart,
      weekEnd,
      status: 'draft',
      publishedAt: null,
      publishedBy: null,
      entries: [],
      abilities: { edit: false, publish: false, seeDrafts: false },
    };
    const unit = await this.d.schedule.unit(unitId);
    if (!unit) return empty;
    const week = await this.d.schedule.week(unit.id, weekStart);
    const status = week?.status ?? 'draft';
    const abilities = scheduleAbilities(actor, target(unit), status);
    const visible = status === 'published' || abilities.seeDrafts;
    return {
      ...empty,
      unit: { id: unit.id, name: unit.name, shortName: unit.shortName },
      status,
      publishedAt: week?.publishedAt ?? null,
      publishedBy: week?.publishedBy ?? null,
      entries: visible ? (await this.d.schedule.entries(unit.id, weekStart)).map(toApiEntry) : [],
      abilities,
    };
  }

  /** The printed week (A4 landscape) as the user may see it; 404 for an unknown unit. */
  async pdf(
    ctx: RequestContext,
    unitId: string | undefined,
    weekStart: string | undefined,
  ): Promise<{ buffer: Buffer; filename: string }> {
    const week = await this.week(ctx, unitId, weekStart);
    if (!week.unit) throw notFound();
    const unit = (await this.d.schedule.unit(week.unit.id)) as ScheduleUnitRow;
    const buffer = await renderWeekPdf({
      organName: unit.parentName ?? '',
      unitName: unit.name,
      week,
      printedAt: this.d.clock.now(),
    });
    return {
      buffer,
      filename: `lich-cong-tac-${week.unit.shortName.normalize('NFD').replace(/[^A-Za-z0-9]/g, '')}-${week.weekStart}.pdf`,
    };
  }
}

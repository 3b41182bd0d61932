import type { TNote, TNoteCreateParsed, TNoteReorder, TNoteUpdateParsed } from '../../../contracts/notes';
import type { Audit } from '../../platform/audit/audit.repository';
import type { RequestContext } from '../../platform/authz/actor';
import type { Clock } from '../../platform/clock';
import type { TxRunner } from '../../platform/db/tx';
import { AppError, notFound } from '../../platform/errors';
import type { JobQueue } from '../../platform/jobs/jobs';
import { noteOwner } from './notes.policy';
import { type NoteRow, type NotesRepository, toNote } from './notes.repository';

/** Kind of the durable job that shows a note's reminder. */
export const REMIND_JOB = 'notes.remind';

/** Payload of a reminder job: the handler fires only if the note still has this exact time. */
export interface RemindPayload {
  noteId: string;
  remindAt: string;
}

export interface NotesDeps {
  tx: TxRunner;
  notes: NotesRepository;
  audit: Audit;
  jobs: JobQueue;
  clock: Clock;
}

/** Audit snapshot of a note (the text included: the owner may need to see what changed). */
function snapshot(n: NoteRow) {
  return { text: n.text, color: n.color, pinned: n.pinned, remindAt: n.remindAt };
}

/** Sticky notes of the signed-in user: create, edit, pin, remind, order, remove (soft). */
export class NotesService {
  constructor(private readonly d: NotesDeps) {}

  async list(ctx: RequestContext): Promise<TNote[]> {
    const userId = noteOwner(ctx.actor);
    return (await this.d.notes.list(userId)).map(toNote);
  }

  async create(ctx: RequestContext, input: TNoteCreateParsed): Promise<TNote> {
    const userId = noteOwner(ctx.actor);
    const remindAt = this.checkRemindAt(input.remindAt ?? null);
    return this.d.tx.transaction(async () => {
      const now = this.d.clock.now();
      const created = await this.d.notes.insert({
        userId,
        text: input.text,
        color: input.color,
        pinned: input.pinned,
        remindAt,
        now,
      });
      if (created.remindAt) await this.scheduleReminder(created.id, created.remindAt);
      await this.d.audit.record(ctx, {
        action: 'note.create',
        entityType: 'sticky_note',
        entityId: created.id,
        after: snapshot(created),
      });
      return toNote(created);
    });
  }

  async update(ctx: RequestContext, id: string, patch: TNoteUpdateParsed): Promise<TNote> {
    const userId = noteOwner(ctx.actor);
    const newRemind = patch.remindAt !== undefined ? this.checkRemindAt(patch.remindAt) : undefined;
    return this.d.tx.transaction(async () => {
      const before = await this.d.notes.own(userId, id);
      if (!before) throw notFound();
      const remindAt = newRemind !== undefined ? newRemind : before.remindAt;
      const remindChanged = remindAt !== before.remindAt;
      const after = await this.d.notes.update(
        id,
        {
          text: patch.text ?? before.text,
          color: patch.color ?? before.color,
          pinned: patch.pinned ?? before.pinned,
          remindAt,
          // A new time is a new reminder: it may fire even if the old one already did.
          remindedAt: remindChanged ? null : before.remindedAt,
        },
        this.d.clock.now(),
      );
      if (remindChanged && after.remindAt) await this.scheduleReminder(id, after.remindAt);
      await this.d.audit.record(ctx, {
        action: 'note.update',
        entityType: 'sticky_note',
        entityId: id,
        before: snapshot(before),
        after: snapshot(after),
      });
      return toNote(after);
    });
  }

  /** Soft delete: the row stays with deleted_at set; a pending reminder then never fires. */
  async remove(ctx: RequestContext, id: string): Promise<{ ok: true }> {
    const userId = noteOwner(ctx.actor);
    return this.d.tx.transaction(async () => {
      const before = await this.d.notes.own(userId, id);
      if (!before) throw notFound();
      await this.d.notes.softDelete(id, this.d.clock.now());
      await this.d.audit.record(ctx, {
        action: 'note.delete',
        entityType: 'sticky_note',
        entityId: id,
        before: snapshot(before),
      });
      return { ok: true as const };
    });
  }

  /** Puts the owner's notes in the given order; an id that is not theirs answers 404. */
  async reorder(ctx: RequestContext, input: TNoteReorder): Promise<TNote[]> {
    const userId = noteOwner(ctx.actor);
    const ids = [...new Set(input.ids)];
    return this.d.tx.transaction(async () => {
      if ((await this.d.notes.countOwn(userId, ids)) !== ids.length) throw notFound();
      await this.d.notes.reorder(userId, ids);
      await this.d.audit.record(ctx, {
        action: 'note.reorder',
        entityType: 'sticky_note',
        after: { ids },
      });
      return (await this.d.notes.list(userId)).map(toNote);
    });
  }

  /** Normalises a reminder time to ISO; one in the past is refused. */
  private checkRemindAt(value: string | null): string | null {
    if (value === null) return null;
    const at = new Date(value);
    if (at.getTime() <= this.d.clock.now().getTime())
      throw new AppError('VALIDATION_FAILED', { field: 'body.remindAt' });
    return at.toISOString();
  }

  private async scheduleReminder(noteId: string, remindAt: string): Promise<void> {
    const payload: RemindPayload = { noteId, remindAt };
    await this.d.jobs.enqueue(REMIND_JOB, payload, { runAt: new Date(remindAt) });
  }
}

import { z } from 'zod';
import { normalizeText } from './text';

/**
 * Contracts of "Tích kê điện tử" (Điều 3.2d): a user's own sticky notes, coloured, pinnable,
 * with an optional one-time reminder. Only the owner ever sees or changes a note.
 */

/** Colours a note may take; the web maps each to a Mantine palette. */
export const NOTE_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'] as const;
export const ZNoteColor = z.enum(NOTE_COLORS);
export type TNoteColor = z.infer<typeof ZNoteColor>;

/** Longest note text, in characters after NFC normalisation. */
export const NOTE_TEXT_MAX = 2000;

/** Note text: NFC, trimmed, 1–2000 characters. */
export const ZNoteText = z
  .string()
  .transform((v) => normalizeText(v))
  .pipe(z.string().min(1).max(NOTE_TEXT_MAX));

/** One sticky note as the API returns it. */
export const ZNote = z.object({
  id: z.string().uuid(),
  text: z.string(),
  color: ZNoteColor,
  pinned: z.boolean(),
  remindAt: z.string().nullable(),
  remindedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TNote = z.infer<typeof ZNote>;

/** The owner's notes: pinned first, then their order, then newest. */
export const ZNoteList = z.array(ZNote);

/** An ISO date-time of a reminder, or null for none. */
const ZRemindAt = z.iso.datetime({ offset: true }).nullable();

/** POST /api/notes. */
export const ZNoteCreate = z.object({
  text: ZNoteText,
  color: ZNoteColor.default('yellow'),
  pinned: z.boolean().default(false),
  remindAt: ZRemindAt.optional(),
});
export type TNoteCreate = z.input<typeof ZNoteCreate>;
export type TNoteCreateParsed = z.output<typeof ZNoteCreate>;

/** PATCH /api/notes/:id: any of the fields; remindAt null removes the reminder. */
export const ZNoteUpdate = z
  .object({
    text: ZNoteText,
    color: ZNoteColor,
    pinned: z.boolean(),
    remindAt: ZRemindAt,
  })
  .partial();
export type TNoteUpdate = z.input<typeof ZNoteUpdate>;
export type TNoteUpdateParsed = z.output<typeof ZNoteUpdate>;

/** POST /api/notes/reorder: the owner's note ids in their new order. */
export const ZNoteReorder = z.object({ ids: z.array(z.string().uuid()).min(1).max(500) });
export type TNoteReorder = z.infer<typeof ZNoteReorder>;

/** Path parameter of one note. */
export const ZNoteIdParams = z.object({ id: z.string().uuid() });

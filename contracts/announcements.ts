import { z } from 'zod';
import { ZFileRef } from './files';
import { normalizeText } from './text';

/**
 * Contracts of "Gửi thông báo" (Điều 3.2f) and of the top-bar "Tin nhắn mới" (Điều 3.7h): an
 * announcement with text and files sent to many people at once (chosen by person, unit or
 * group), read receipts for the sender, and optionally an SMS to each recipient.
 */

export const ANNOUNCEMENT_TITLE_MAX = 200;
export const ANNOUNCEMENT_BODY_MAX = 5000;
/** Most people one announcement may reach after expansion. */
export const ANNOUNCEMENT_RECIPIENTS_MAX = 20_000;
export const ANNOUNCEMENT_FILES_MAX = 20;
export const ANNOUNCEMENT_PAGE_SIZE = 20;

const text = (max: number) =>
  z
    .string()
    .transform((v) => normalizeText(v))
    .pipe(z.string().min(1).max(max));

const ids = (max: number) => z.array(z.string().uuid()).max(max).default([]);

/** POST /api/announcements. Recipients are expanded and de-duplicated by the server. */
export const ZAnnouncementCreate = z.object({
  title: text(ANNOUNCEMENT_TITLE_MAX),
  body: text(ANNOUNCEMENT_BODY_MAX),
  fileIds: ids(ANNOUNCEMENT_FILES_MAX),
  recipients: z.object({
    userIds: ids(ANNOUNCEMENT_RECIPIENTS_MAX),
    /** Every active user of these units. */
    unitIds: ids(1000),
    /** Every active member of these permission groups. */
    groupIds: ids(200),
    /** The sender's own interaction groups (Nhóm tương tác): their people, or the people of their units. */
    interactionGroupIds: ids(100),
  }),
  /** Also send an SMS to each recipient with a phone (only when SMS is switched on). */
  sms: z.boolean().default(false),
});
export type TAnnouncementCreate = z.input<typeof ZAnnouncementCreate>;
export type TAnnouncementCreateParsed = z.output<typeof ZAnnouncementCreate>;

export const ZAnnouncementCreated = z.object({
  id: z.string().uuid(),
  recipientCount: z.number().int(),
  smsCount: z.number().int(),
});
export type TAnnouncementCreated = z.infer<typeof ZAnnouncementCreated>;

export const ZAnnouncementIdParams = z.object({ id: z.string().uuid() });
export const ZAnnouncementFileParams = z.object({ id: z.string().uuid(), fileId: z.string().uuid() });
export const ZAnnouncementPageQuery = z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) });

/** A received announcement in the "Tin nhắn mới" drawer. */
export const ZInboxItem = z.object({
  id: z.string().uuid(),
  title: z.string(),
  body: z.string(),
  senderName: z.string(),
  senderUnitName: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  unread: z.boolean(),
  files: z.array(ZFileRef),
});
export type TInboxItem = z.infer<typeof ZInboxItem>;

export const ZInboxPage = z.object({
  items: z.array(ZInboxItem),
  total: z.number().int(),
  unread: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TInboxPage = z.infer<typeof ZInboxPage>;

/** An announcement the signed-in user sent, with how many have read it. */
export const ZSentItem = z.object({
  id: z.string().uuid(),
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
  sms: z.boolean(),
  recipientCount: z.number().int(),
  readCount: z.number().int(),
  files: z.array(ZFileRef),
});
export type TSentItem = z.infer<typeof ZSentItem>;

export const ZSentPage = z.object({
  items: z.array(ZSentItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TSentPage = z.infer<typeof ZSentPage>;

export const SMS_STATUSES = ['pending', 'sent', 'failed'] as const;

/** One recipient's read receipt (and SMS status when an SMS was sent). */
export const ZReceipt = z.object({
  userId: z.string().uuid(),
  fullName: z.string(),
  unitName: z.string(),
  readAt: z.string().nullable(),
  sms: z
    .object({ status: z.enum(SMS_STATUSES), attempts: z.number().int(), lastError: z.string().nullable() })
    .nullable(),
});
export type TReceipt = z.infer<typeof ZReceipt>;
export const ZReceipts = z.object({
  id: z.string().uuid(),
  title: z.string(),
  recipientCount: z.number().int(),
  readCount: z.number().int(),
  items: z.array(ZReceipt),
});
export type TReceipts = z.infer<typeof ZReceipts>;

/** GET /api/announcements/options: what the compose form may offer. */
export const ZComposeOptions = z.object({ smsEnabled: z.boolean() });
export type TComposeOptions = z.infer<typeof ZComposeOptions>;

/** A permission group a sender may address (active groups with their active members). */
export const ZGroupOption = z.object({ id: z.string().uuid(), name: z.string(), memberCount: z.number().int() });
export type TGroupOption = z.infer<typeof ZGroupOption>;
export const ZGroupOptions = z.array(ZGroupOption);

export const ZReadResult = z.object({ ok: z.literal(true), unread: z.number().int() });

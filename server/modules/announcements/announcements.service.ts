import type { FastifyReply } from 'fastify';
import {
  ANNOUNCEMENT_PAGE_SIZE,
  ANNOUNCEMENT_RECIPIENTS_MAX,
  type TAnnouncementCreateParsed,
  type TAnnouncementCreated,
  type TComposeOptions,
  type TGroupOption,
  type TInboxPage,
  type TReceipts,
  type TSentPage,
} from '../../../contracts/announcements';
import type { Audit } from '../../platform/audit/audit.repository';
import type { RequestContext } from '../../platform/authz/actor';
import type { Clock } from '../../platform/clock';
import type { TxRunner } from '../../platform/db/tx';
import { AppError, notFound } from '../../platform/errors';
import type { FileService } from '../../platform/files/files.service';
import type { JobQueue } from '../../platform/jobs/jobs';
import type { Notifier } from '../../platform/notify/notifier';
import { enqueueSms, smsText } from '../../platform/notify/sms';
import type { RealtimeHub } from '../../platform/realtime/hub';
import type { SettingsService } from '../../platform/settings/settings.service';
import {
  authorizeReader,
  authorizeReceipts,
  authorizeReading,
  authorizeRecipient,
  authorizeSend,
} from './announcements.policy';
import type { AnnouncementsRepository } from './announcements.repository';

/** Owner type of the attachments. */
export const FILES = 'announcement';
/** Where a notification of an announcement leads: the "Tin nhắn mới" drawer. */
export const INBOX_LINK = '/?messages=1';

export interface AnnouncementsDeps {
  tx: TxRunner;
  repo: AnnouncementsRepository;
  audit: Audit;
  files: FileService;
  notifier: Notifier;
  jobs: JobQueue;
  realtime: RealtimeHub;
  settings: SettingsService;
  clock: Clock;
}

const invalid = (field: string) => new AppError('VALIDATION_FAILED', { field });

/** Gửi thông báo (Điều 3.2f) and the received messages of "Tin nhắn mới" (Điều 3.7h). */
export class AnnouncementsService {
  constructor(private readonly d: AnnouncementsDeps) {}

  async options(ctx: RequestContext): Promise<TComposeOptions> {
    authorizeSend(ctx.actor);
    return { smsEnabled: await this.d.settings.get('sms.enabled') };
  }

  async groups(ctx: RequestContext): Promise<TGroupOption[]> {
    authorizeSend(ctx.actor);
    return this.d.repo.groupOptions();
  }

  async send(ctx: RequestContext, input: TAnnouncementCreateParsed): Promise<TAnnouncementCreated> {
    const actor = authorizeSend(ctx.actor);
    if (input.sms && !(await this.d.settings.get('sms.enabled'))) throw invalid('body.sms');
    const userIds = [...new Set(input.recipients.userIds)];
    const unitIds = [...new Set(input.recipients.unitIds)];
    const groupIds = [...new Set(input.recipients.groupIds)];
    const interactionGroupIds = [...new Set(input.recipients.interactionGroupIds)];
    return this.d.tx.transaction(async () => {
      if ((await this.d.repo.countActiveUsers(userIds)) !== userIds.length) throw invalid('body.recipients.userIds');
      if ((await this.d.repo.countActiveUnits(unitIds)) !== unitIds.length) throw invalid('body.recipients.unitIds');
      if ((await this.d.repo.countActiveGroups(groupIds)) !== groupIds.length)
        throw invalid('body.recipients.groupIds');
      const owner = actor.onBehalfOf?.userId ?? actor.userId;
      if ((await this.d.repo.countOwnInteractionGroups(owner, interactionGroupIds)) !== interactionGroupIds.length)
        throw invalid('body.recipients.interactionGroupIds');
      const recipients = await this.d.repo.expandRecipients(
        actor.userId,
        { userIds, unitIds, groupIds, interactionGroupIds },
        ANNOUNCEMENT_RECIPIENTS_MAX + 1,
      );
      if (recipients.length === 0 || recipients.length > ANNOUNCEMENT_RECIPIENTS_MAX)
        throw new AppError('VALIDATION_FAILED', {
          field: 'body.recipients',
          details: { count: recipients.length, max: ANNOUNCEMENT_RECIPIENTS_MAX },
        });
      const id = await this.d.repo.insert({
        senderId: actor.userId,
        onBehalfOfId: actor.onBehalfOf?.userId ?? null,
        unitId: actor.unitId,
        title: input.title,
        body: input.body,
        sms: input.sms,
        recipientIds: recipients,
      });
      await this.d.files.attach(ctx, FILES, id, input.fileIds);
      await this.d.notifier.notify(recipients, {
        kind: 'announcement',
        title: input.title,
        body: input.body,
        link: INBOX_LINK,
      });
      let smsCount = 0;
      if (input.sms) {
        const outboxIds = await this.d.repo.insertSms(id, input.title, smsText(`${input.title}: ${input.body}`));
        await enqueueSms(this.d.jobs, outboxIds);
        smsCount = outboxIds.length;
      }
      await this.d.audit.record(ctx, {
        action: 'announcement.send',
        entityType: 'announcement',
        entityId: id,
        after: {
          title: input.title,
          recipientCount: recipients.length,
          chosen: { userIds, unitIds, groupIds },
          fileIds: input.fileIds,
          sms: input.sms,
          smsCount,
        },
      });
      await this.d.realtime.badgesChanged(recipients);
      return { id, recipientCount: recipients.length, smsCount };
    });
  }

  async inbox(ctx: RequestContext, page: number): Promise<TInboxPage> {
    const actor = authorizeReader(ctx.actor);
    const size = ANNOUNCEMENT_PAGE_SIZE;
    const [rows, counts] = await Promise.all([
      this.d.repo.inbox(actor.userId, size, (page - 1) * size),
      this.d.repo.inboxCounts(actor.userId),
    ]);
    const files = await this.d.files.listFor(
      FILES,
      rows.map((r) => r.id),
    );
    return {
      items: rows.map((r) => ({ ...r, unread: r.readAt === null, files: files.get(r.id) ?? [] })),
      total: counts.total,
      unread: counts.unread,
      page,
      pageSize: size,
    };
  }

  /** Read receipt of a received announcement; the "Tin nhắn mới" badge follows. */
  async markRead(ctx: RequestContext, id: string): Promise<{ ok: true; unread: number }> {
    const actor = authorizeReader(ctx.actor);
    return this.d.tx.transaction(async () => {
      authorizeRecipient(await this.d.repo.isRecipient(id, actor.userId));
      if (await this.d.repo.markRead(id, actor.userId, this.d.clock.now())) {
        await this.d.audit.record(ctx, { action: 'announcement.read', entityType: 'announcement', entityId: id });
        await this.d.realtime.badgesChanged([actor.userId]);
      }
      return { ok: true as const, unread: await this.d.repo.unreadCount(actor.userId) };
    });
  }

  async sent(ctx: RequestContext, page: number): Promise<TSentPage> {
    const actor = authorizeSend(ctx.actor);
    const size = ANNOUNCEMENT_PAGE_SIZE;
    const [rows, total] = await Promise.all([
      this.d.repo.sent(actor.userId, size, (page - 1) * size),
      this.d.repo.sentCount(actor.userId),
    ]);
    const files = await this.d.files.listFor(
      FILES,
      rows.map((r) => r.id),
    );
    return {
      items: rows.map(({ senderId: _s, ...r }) => ({ ...r, files: files.get(r.id) ?? [] })),
      total,
      page,
      pageSize: size,
    };
  }

  /** Read receipts: the sender only (anyone else gets 404). */
  async receipts(ctx: RequestContext, id: string): Promise<TReceipts> {
    const actor = authorizeReader(ctx.actor);
    const a = authorizeReceipts(actor, await this.d.repo.byId(id));
    const items = await this.d.repo.receipts(id);
    return {
      id,
      title: a.title,
      recipientCount: a.recipientCount,
      readCount: items.filter((r) => r.readAt !== null).length,
      items,
    };
  }

  /** A file of an announcement, for its sender and its recipients only (404 for anyone else). */
  async sendFile(ctx: RequestContext, reply: FastifyReply, id: string, fileId: string, inline: boolean) {
    const actor = authorizeReader(ctx.actor);
    const a = await this.d.repo.byId(id);
    authorizeReading(
      actor,
      a,
      a !== null && a.senderId !== actor.userId && (await this.d.repo.isRecipient(id, actor.userId)),
    );
    if (!(await this.d.files.isAttachedTo(FILES, [id], fileId))) throw notFound();
    return this.d.files.send(reply, fileId, { inline });
  }
}

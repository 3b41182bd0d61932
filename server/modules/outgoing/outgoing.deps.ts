import type { Audit } from '../../platform/audit/audit.repository';
import type { RequestContext } from '../../platform/authz/actor';
import type { Clock } from '../../platform/clock';
import type { TxRunner } from '../../platform/db/tx';
import type { FileService } from '../../platform/files/files.service';
import type { Notifier } from '../../platform/notify/notifier';
import type { RealtimeHub } from '../../platform/realtime/hub';
import type { SettingsService } from '../../platform/settings/settings.service';
import type { ExchangeRepository } from '../exchange/exchange.repository';
import type { ExchangeService } from '../exchange/exchange.service';
import type { LinksService } from '../links/links.service';
import type { RegistersRepository } from '../registers/registers.repository';
import type { OutgoingListsRepository } from './outgoing-lists.repository';
import type { OutgoingRepository } from './outgoing.repository';

/** Closes an incoming handler's part when the reply they drafted is issued. */
export interface ReplyCloser {
  closeByReply(
    input: { incomingId: string; handlerId: string; replyCode: string; outgoingId: string },
    at: Date,
  ): Promise<void>;
  /** True when the person has an open part (lead / co-handle) in the incoming document. */
  isHandler(incomingId: string, userId: string): Promise<boolean>;
}

/** Dependencies of the outgoing services, built once in outgoing.module.ts. */
export interface OutgoingDeps {
  tx: TxRunner;
  repo: OutgoingRepository;
  lists: OutgoingListsRepository;
  registers: RegistersRepository;
  exchange: ExchangeService;
  deliveries: ExchangeRepository;
  files: FileService;
  audit: Audit;
  notifier: Notifier;
  realtime: Pick<RealtimeHub, 'badgesChanged'>;
  clock: Clock;
  settings: SettingsService;
  replies: ReplyCloser;
  links: Pick<LinksService, 'linkInTransaction'>;
}

/** The audit entry of a step on an outgoing document. */
export function auditOutgoing(
  d: Pick<OutgoingDeps, 'audit'>,
  ctx: RequestContext,
  id: string,
  action: string,
  after: unknown,
  before?: unknown,
) {
  return d.audit.record(ctx, {
    action: `outgoing.${action}`,
    entityType: 'outgoing_document',
    entityId: id,
    before,
    after,
  });
}

/** Link of a document in the web app. */
export function outgoingLink(id: string): string {
  return `/app/outgoing-view?doc=${id}`;
}

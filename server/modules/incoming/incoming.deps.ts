import type { TFileRef } from '../../../contracts/files';
import type { Actor, RequestContext } from '../../platform/authz/actor';
import type { Audit } from '../../platform/audit/audit.repository';
import type { Clock } from '../../platform/clock';
import type { TxRunner } from '../../platform/db/tx';
import type { JobQueue } from '../../platform/jobs/jobs';
import type { Notifier } from '../../platform/notify/notifier';
import type { RealtimeHub } from '../../platform/realtime/hub';
import type { SettingsService } from '../../platform/settings/settings.service';
import type { IssuingOrgansService } from '../catalogs/issuing-organs.service';
import type { RegistersRepository } from '../registers/registers.repository';
import type { IncomingListsRepository } from './incoming-lists.repository';
import type { IncomingRepository } from './incoming.repository';

/** What the incoming services need of the file platform. */
export interface IncomingFiles {
  attach(ctx: RequestContext, ownerType: string, ownerId: string, fileIds: string[]): Promise<void>;
  listFor(ownerType: string, ownerIds: string[]): Promise<Map<string, TFileRef[]>>;
}

/**
 * The exchange between units as the incoming services use it: a document registered from a
 * delivery, and the receipt statuses that go back to its sender after each step.
 */
export interface IncomingReceipts {
  forRegistration(
    actor: Actor,
    deliveryId: string,
  ): Promise<{ delivery: { senderUnitId: string }; versionId: string | null }>;
  registered(
    ctx: RequestContext,
    deliveryId: string,
    versionId: string | null,
    incomingId: string,
    ownerType: string,
  ): Promise<void>;
  syncFromIncoming(incomingId: string, actorName: string | null): Promise<void>;
}

/** Dependencies of the incoming services, built once in incoming.module.ts. */
export interface IncomingDeps {
  tx: TxRunner;
  repo: IncomingRepository;
  lists: IncomingListsRepository;
  registers: RegistersRepository;
  organs: Pick<IssuingOrgansService, 'findOrCreateIssuingOrgan'>;
  files: IncomingFiles;
  audit: Audit;
  notifier: Notifier;
  realtime: Pick<RealtimeHub, 'badgesChanged'>;
  jobs: JobQueue;
  clock: Clock;
  settings: SettingsService;
  receipts?: IncomingReceipts;
}

/** Owner types of attachments. */
export const DOC_FILES = 'incoming';
export const OPINION_FILES = 'incoming-opinion';

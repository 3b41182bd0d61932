import type { TFileRef } from '../../../contracts/files';
import type { RequestContext } from '../../platform/authz/actor';
import type { Audit } from '../../platform/audit/audit.repository';
import type { Clock } from '../../platform/clock';
import type { TxRunner } from '../../platform/db/tx';
import type { JobQueue } from '../../platform/jobs/jobs';
import type { Notifier } from '../../platform/notify/notifier';
import type { RealtimeHub } from '../../platform/realtime/hub';
import type { SettingsService } from '../../platform/settings/settings.service';
import type { TasksListsRepository } from './tasks-lists.repository';
import type { TasksRepository } from './tasks.repository';

/** What the task services need of the file platform. */
export interface TaskFiles {
  attach(ctx: RequestContext, ownerType: string, ownerId: string, fileIds: string[]): Promise<void>;
  listFor(ownerType: string, ownerIds: string[]): Promise<Map<string, TFileRef[]>>;
}

/** Dependencies of the task services, built once in tasks.module.ts. */
export interface TasksDeps {
  tx: TxRunner;
  repo: TasksRepository;
  lists: TasksListsRepository;
  files: TaskFiles;
  audit: Audit;
  notifier: Notifier;
  realtime: Pick<RealtimeHub, 'badgesChanged'>;
  jobs: JobQueue;
  clock: Clock;
  settings: SettingsService;
}

/** Owner types of attachments: the task's own files and the files of a progress report. */
export const TASK_FILES = 'task';
export const REPORT_FILES = 'task-report';

import type { FastifyInstance } from 'fastify';
import type { Config } from '../config';
import type { Audit } from './audit/audit.repository';
import type { SessionResolver } from './auth/session-resolver';
import type { Clock } from './clock';
import type { Database } from './db/database';
import type { DocumentKinds } from './documents';
import type { FileService } from './files/files.service';
import type { JobQueue, JobRunner } from './jobs/jobs';
import type { Notifier } from './notify/notifier';
import type { BadgeService } from './realtime/badges';
import type { RealtimeHub } from './realtime/hub';
import type { SettingsService } from './settings/settings.service';

/** The platform services modules build on; exposed on the app for tests and scripts. */
export interface Platform {
  config: Config;
  db: Database;
  clock: Clock;
  settings: SettingsService;
  audit: Audit;
  badges: BadgeService;
  realtime: RealtimeHub;
  jobs: JobQueue;
  jobRunner: JobRunner;
  sessions: SessionResolver;
  notifier: Notifier;
  /** Uploads, attachments and serving of files (server/platform/files). */
  files: FileService;
  /** Kinds of documents (incoming, internal …) other modules can describe and search, e.g. for links. */
  documents: DocumentKinds;
}

/**
 * A business module: registers its routes (inside the /api scope), badge providers and job
 * handlers. Listed once in server/modules/index.ts.
 */
export interface AppModule {
  name: string;
  register(app: FastifyInstance, platform: Platform): void | Promise<void>;
}

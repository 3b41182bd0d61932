import type { Audit } from '../../platform/audit/audit.repository';
import type { Clock } from '../../platform/clock';
import type { TxRunner } from '../../platform/db/tx';
import type { FileService } from '../../platform/files/files.service';
import type { JobQueue } from '../../platform/jobs/jobs';
import type { Notifier } from '../../platform/notify/notifier';
import type { ExportsRepository } from './exports.repository';
import type { RegistersReportRepository } from './registers.repository';
import type { RenderTask } from './render/render-task';
import type { SummaryRepository } from './summary.repository';
import type { UsageRepository } from './usage.repository';

/** Dependencies of the report services, built once in reports.module.ts. */
export interface ReportsDeps {
  tx: TxRunner;
  registers: RegistersReportRepository;
  exports: ExportsRepository;
  summary: SummaryRepository;
  usage: UsageRepository;
  files: Pick<FileService, 'saveGenerated' | 'listFor' | 'send'>;
  audit: Audit;
  jobs: JobQueue;
  notifier: Notifier;
  clock: Clock;
  /** Makes files off the event loop. */
  render: { run(task: RenderTask): Promise<Buffer> };
}

/** Owner type of the files made by background exports (the owner id is the job's id). */
export const EXPORT_FILES = 'report-export';
/** Job kind of a register made in the background. */
export const EXPORT_JOB = 'reports.register-export';

/** MIME type of each file format. */
export const FORMAT_MIME = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

import { registerPermissions } from '../../platform/authz/permissions';
import type { AppModule } from '../../platform/platform';
import { ExportsRepository } from './exports.repository';
import { RegistersReportRepository } from './registers.repository';
import { RegisterPrintService } from './registers.service';
import { EXPORT_JOB, type ReportsDeps } from './reports.deps';
import { REPORT_PERMISSIONS } from './reports.policy';
import { reportsRoutes } from './reports.routes';
import { RenderPool } from './render/render-pool';
import { SummaryRepository } from './summary.repository';
import { SummaryService } from './summary.service';
import { UsageRepository } from './usage.repository';
import { UsageService } from './usage.service';

/**
 * Module reports (Thống kê, báo cáo — Điều 3.1f, Điều 12): the printed registers, the summary
 * report and the usage report. Files are laid out in a worker thread; large registers are jobs.
 */
export const reportsModule: AppModule = {
  name: 'reports',
  register(app, platform) {
    registerPermissions('reports', REPORT_PERMISSIONS);
    const pool = new RenderPool();
    app.addHook('onClose', () => pool.close());
    const deps: ReportsDeps = {
      tx: platform.db,
      registers: new RegistersReportRepository(platform.db),
      exports: new ExportsRepository(platform.db),
      summary: new SummaryRepository(platform.db),
      usage: new UsageRepository(platform.db),
      files: platform.files,
      audit: platform.audit,
      jobs: platform.jobs,
      notifier: platform.notifier,
      clock: platform.clock,
      render: pool,
    };
    const registers = new RegisterPrintService(deps);
    platform.jobRunner.register(EXPORT_JOB, (job) => registers.runExport(job));
    reportsRoutes(app, { registers, summary: new SummaryService(deps), usage: new UsageService(deps) });
  },
};

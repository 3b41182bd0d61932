import type { TReportFormat } from '../../../../contracts/reports';
import { renderRegisterPdf } from './register-pdf';
import type { RegisterDocument } from './register-specs';
import { renderRegisterXlsx } from './register-xlsx';
import { renderTablePdf } from './table-pdf';
import type { TableReport } from './table-report';
import { renderTableXlsx } from './table-xlsx';

/** A file to make: a printed register, or a report of titled tables (summary, usage). Plain data. */
export type RenderTask =
  | { type: 'register'; format: TReportFormat; doc: RegisterDocument }
  | { type: 'table'; format: TReportFormat; report: TableReport };

/** Makes the file of a task (in the render worker, or in-process in tests). */
export function renderTask(task: RenderTask): Promise<Buffer> {
  if (task.type === 'register')
    return task.format === 'pdf' ? renderRegisterPdf(task.doc) : renderRegisterXlsx(task.doc);
  return task.format === 'pdf' ? renderTablePdf(task.report) : renderTableXlsx(task.report);
}

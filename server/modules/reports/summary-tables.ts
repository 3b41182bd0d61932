import { formatVnDate } from '../../../contracts/calendar';
import type { TCountRow, TResultCounts, TSummaryReport } from '../../../contracts/reports';
import type { TableColumn, TableReport, TableSection } from './render/table-report';

const COUNT_COLUMNS = (first: string): TableColumn[] => [
  { header: first, width: '*' },
  { header: 'Văn bản đến', width: 80, numeric: true },
  { header: 'Văn bản đi', width: 80, numeric: true },
  { header: 'Cộng', width: 70, numeric: true },
];

function counts(title: string, sheet: string, first: string, rows: TCountRow[]): TableSection {
  const sumIn = rows.reduce((n, r) => n + r.incoming, 0);
  const sumOut = rows.reduce((n, r) => n + r.outgoing, 0);
  return {
    title,
    sheet,
    columns: COUNT_COLUMNS(first),
    rows: rows.map((r) => [r.label, r.incoming, r.outgoing, r.incoming + r.outgoing]),
    total: ['Tổng cộng', sumIn, sumOut, sumIn + sumOut],
  };
}

const RESULT_COLUMNS: TableColumn[] = [
  { header: 'Hoàn thành đúng hạn', width: 62, numeric: true },
  { header: 'Hoàn thành trễ hạn', width: 62, numeric: true },
  { header: 'Đang xử lý', width: 56, numeric: true },
  { header: 'Quá hạn', width: 50, numeric: true },
  { header: 'Tổng số', width: 50, numeric: true },
];

const resultCells = (r: TResultCounts) => [r.onTime, r.late, r.inProgress, r.overdue, r.total];

/** The summary report as titled tables, for its PDF and workbook. */
export function summaryTables(report: TSummaryReport, organName: string): TableReport {
  const handlerTotal = report.byHandler.reduce((acc, h) => acc.map((v, i) => v + resultCells(h)[i]), [0, 0, 0, 0, 0]);
  return {
    organName,
    unitName: report.unitName,
    title: 'Báo cáo tổng hợp thông tin văn bản',
    subtitle: `${report.subtree ? 'Đơn vị và các đơn vị trực thuộc — ' : ''}Từ ngày ${formatVnDate(report.from)} đến ngày ${formatVnDate(report.to)}`,
    printedAt: report.generatedAt,
    orientation: 'portrait',
    sections: [
      counts('1. Văn bản đến, văn bản đi theo tháng', 'Theo tháng', 'Tháng', report.byMonth),
      counts('2. Theo loại văn bản', 'Theo loại', 'Loại văn bản', report.byType),
      counts('3. Theo lĩnh vực', 'Theo lĩnh vực', 'Lĩnh vực', report.byField),
      counts('4. Theo độ khẩn', 'Theo độ khẩn', 'Độ khẩn', report.byUrgency),
      {
        title: '5. Kết quả giải quyết văn bản đến theo đơn vị',
        sheet: 'Kết quả theo đơn vị',
        columns: [{ header: 'Đơn vị', width: '*' }, ...RESULT_COLUMNS],
        rows: report.byUnit.map((u) => [u.name, ...resultCells(u)]),
        total: ['Tổng cộng', ...resultCells(report.results)],
        note: 'Tính trên văn bản đến trong kỳ; đúng hạn, trễ hạn, quá hạn so với thời hạn giải quyết tại thời điểm lập báo cáo.',
      },
      {
        title: '6. Kết quả giải quyết văn bản đến theo người xử lý (chủ trì, phối hợp)',
        sheet: 'Kết quả theo người xử lý',
        columns: [{ header: 'Người xử lý', width: '*' }, { header: 'Đơn vị', width: 110 }, ...RESULT_COLUMNS],
        rows: report.byHandler.map((h) => [h.name, h.unitName, ...resultCells(h)]),
        total: ['Tổng cộng', null, ...handlerTotal],
      },
    ],
  };
}

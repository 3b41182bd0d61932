import { formatMonth, type TUsageCounts, type TUsageReport } from '../../../contracts/reports';
import type { TableColumn, TableReport } from './render/table-report';

const COUNT_COLUMNS: TableColumn[] = [
  { header: 'Đăng nhập', width: 46, numeric: true },
  { header: 'Văn bản vào sổ', width: 46, numeric: true },
  { header: 'Chỉ đạo', width: 40, numeric: true },
  { header: 'Đã xử lý', width: 40, numeric: true },
  { header: 'Đúng hạn', width: 40, numeric: true },
  { header: 'Việc giao', width: 40, numeric: true },
  { header: 'Việc hoàn thành', width: 50, numeric: true },
  { header: 'Tin nhắn', width: 40, numeric: true },
];

const cells = (c: TUsageCounts) => [
  c.signIns,
  c.registered,
  c.directed,
  c.handled,
  c.handledOnTime,
  c.tasksAssigned,
  c.tasksDone,
  c.messages,
];

/** The usage report as titled tables, for its PDF and workbook. */
export function usageTables(report: TUsageReport, organName: string): TableReport {
  const note = report.tasksAvailable
    ? undefined
    : 'Chức năng Quản lý công việc chưa được cài đặt: các cột "Việc giao", "Việc hoàn thành" để trống.';
  return {
    organName,
    unitName: report.unitName,
    title: 'Báo cáo tình hình sử dụng hệ thống',
    subtitle: `Tháng ${formatMonth(report.month)}${report.subtree ? ' — đơn vị và các đơn vị trực thuộc' : ''}`,
    printedAt: report.generatedAt,
    orientation: 'landscape',
    sections: [
      {
        title: '1. Theo đơn vị',
        sheet: 'Theo đơn vị',
        columns: [
          { header: 'Đơn vị', width: '*' },
          { header: 'Số người dùng', width: 50, numeric: true },
          { header: 'Đã đăng nhập', width: 50, numeric: true },
          ...COUNT_COLUMNS,
        ],
        rows: report.units.map((u) => [u.name, u.users, u.activeUsers, ...cells(u)]),
        total: ['Tổng cộng', report.totals.users, report.totals.activeUsers, ...cells(report.totals)],
        note,
      },
      {
        title: '2. Theo người dùng',
        sheet: 'Theo người dùng',
        columns: [
          { header: 'Họ và tên', width: '*' },
          { header: 'Chức danh', width: 80 },
          { header: 'Đơn vị', width: 110 },
          ...COUNT_COLUMNS,
        ],
        rows: report.users.map((u) => [u.name, u.jobTitle, u.unitName, ...cells(u)]),
        note: 'Đăng nhập, văn bản vào sổ (đến và đi), chỉ đạo, xử lý (chủ trì, phối hợp) xong trong tháng; tin nhắn là thông báo đã gửi.',
      },
    ],
  };
}

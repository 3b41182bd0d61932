import { expect, test } from '@playwright/test';
import { openFunction, signIn } from './fixtures';

/** dd/mm/yyyy of a day `days` from today (the browser runs in Vietnam time). */
function vnDay(days: number): string {
  const d = new Date(Date.now() + 7 * 3600_000 + days * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

test('a leader assigns a task; the chuyên viên sees the badge live, accepts it and reports 100 %; the leader sees it done', async ({
  browser,
}) => {
  const leaderContext = await browser.newContext();
  const staffContext = await browser.newContext();
  const leader = await leaderContext.newPage();
  const staff = await staffContext.newPage();
  const title = `Tổng hợp số liệu phổ cập giáo dục ${Date.now()}`;

  // The chuyên viên is already at work, with the app open.
  await signIn(staff, 'chuyenvien2');
  const badge = staff.getByTestId('badge-tasksWaiting');
  await expect(badge).toHaveAttribute('data-count', '0');

  await signIn(leader, 'photruongphong');
  await openFunction(leader, 'Công việc', 'tasks-assigned');
  await leader.getByTestId('tasks-new').click();
  const form = leader.getByTestId('task-form');
  await form.getByTestId('task-title').fill(title);
  await form.getByTestId('task-description').fill('Tổng hợp số liệu các xã, báo cáo lãnh đạo Phòng.');
  await form.getByTestId('task-priority').getByText('Cao').click();
  await form.getByTestId('task-due').fill(vnDay(7));
  await form.getByTestId('task-target-person').fill('Thanh Xuân');
  await leader.getByRole('option', { name: 'Phạm Thị Thanh Xuân' }).click();
  const row = form.getByTestId('task-target-row');
  await expect(row).toContainText('Phạm Thị Thanh Xuân');
  await expect(row.getByRole('radio', { name: 'Chủ trì' })).toBeChecked();
  await form.getByTestId('task-form-submit').click();
  await expect(leader.getByText('Đã tạo công việc.')).toBeVisible();
  const view = leader.getByTestId('task-view');
  await expect(view.getByTestId('task-title-view')).toHaveText(title);
  await expect(view.getByTestId('task-stage')).toHaveText('Chờ tiếp nhận');
  await leader.getByTestId('task-drawer').getByRole('button', { name: 'Đóng', exact: true }).click();
  await expect(leader.getByTestId('task-view')).toBeHidden();

  // Without reloading, the chuyên viên's "Xem công việc" counter shows the new task.
  await expect(badge).toHaveAttribute('data-count', '1');
  await badge.getByRole('button').click();
  await expect(staff.getByTestId('page-tasks-received')).toBeVisible();
  await expect(staff.getByTestId('tasks-tab-waiting')).toHaveAttribute('aria-selected', 'true');
  await staff.getByTestId('tasks-received-waiting').getByTestId('task-row').filter({ hasText: title }).click();
  const task = staff.getByTestId('task-view');
  await expect(task.getByTestId('task-title-view')).toHaveText(title);
  await task.getByTestId('task-action-accept').click();
  await staff.getByTestId('task-modal-accept').getByTestId('task-form-submit').click();
  await expect(staff.getByText('Đã tiếp nhận công việc.')).toBeVisible();
  await expect(badge).toHaveAttribute('data-count', '0');

  await task.getByTestId('task-action-report').click();
  const report = staff.getByTestId('task-modal-report');
  await report.getByTestId('report-progress').fill('100');
  await report.getByTestId('report-comment').fill('Đã tổng hợp đủ số liệu 10 xã, thị trấn.');
  await report.getByTestId('task-form-submit').click();
  await expect(staff.getByText('Đã gửi báo cáo tiến độ.')).toBeVisible();
  await expect(task.getByTestId('task-stage')).toHaveText('Hoàn thành, chờ đánh giá');

  // The leader sees it done on the board and in the task.
  await leader.reload();
  await expect(leader.getByTestId('tasks-board-done')).toHaveAttribute('data-count', '1');
  const doneRow = leader.getByTestId('tasks-assigned-list').getByTestId('task-row').filter({ hasText: title });
  await expect(doneRow.getByTestId('task-stage')).toHaveText('Chờ đánh giá');
  await doneRow.click();
  const done = leader.getByTestId('task-view');
  await expect(done).toHaveAttribute('data-stage', 'done');
  await expect(done.getByTestId('task-trail').getByTestId('task-event').last()).toContainText('Tiến độ 100%');

  await leaderContext.close();
  await staffContext.close();
});

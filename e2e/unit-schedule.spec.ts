import { type Browser, expect, type Page, test } from '@playwright/test';
import { openFunction, signIn } from './fixtures';

/** A fresh browser session signed in as `username`, on the unit schedule page. */
async function openSchedule(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, username);
  await openFunction(page, 'Công việc', 'unit-schedule');
  await expect(page.getByTestId('page-unit-schedule')).toBeVisible();
  return page;
}

test('the clerk drafts this week, the head publishes it, another unit reads it', async ({ browser }) => {
  const clerk = await openSchedule(browser, 'mn.vanthu');
  await expect(clerk.getByTestId('week-label')).toContainText(/^Tuần \d+: /);
  await expect(clerk.getByTestId('week-status')).toHaveText('Bản nháp');
  await expect(clerk.getByTestId('schedule-publish')).toHaveCount(0);

  await clerk.getByTestId('schedule-add').click();
  const form = clerk.getByTestId('schedule-form');
  // Saving without content names the field in Vietnamese.
  await form.getByTestId('form-save').click();
  await expect(form.getByText('Vui lòng nhập nội dung công việc.')).toBeVisible();
  await form.getByTestId('form-time').fill('07:30');
  await form.getByTestId('form-content').fill('Chào cờ đầu tuần');
  await form.getByTestId('form-chair').fill('Hiệu trưởng');
  await form.getByTestId('form-location').fill('Sân trường');
  await form.getByTestId('form-save').click();
  await expect(clerk.getByText('Đã thêm lịch.')).toBeVisible();
  await expect(form).toBeHidden();

  await clerk.getByTestId('schedule-add').click();
  await form.getByText('Chiều', { exact: true }).click();
  await form.getByTestId('form-time').fill('14:00');
  await form.getByTestId('form-content').fill('Họp hội đồng sư phạm');
  await form.getByTestId('form-participants').fill('Toàn thể giáo viên');
  await form.getByTestId('form-save').click();
  await expect(form).toBeHidden();
  const rows = clerk.getByTestId('schedule-entry');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Chào cờ đầu tuần');
  await expect(rows.nth(1)).toContainText('Họp hội đồng sư phạm');
  await expect(rows.nth(1)).toContainText('Chiều');

  const head = await openSchedule(browser, 'mn.hieutruong');
  await expect(head.getByTestId('schedule-entry')).toHaveCount(2);
  await head.getByTestId('schedule-publish').click();
  await head.getByTestId('confirm-ok').click();
  await expect(head.getByText('Đã công bố lịch tuần.')).toBeVisible();
  await expect(head.getByTestId('week-status')).toHaveText('Đã công bố');
  await expect(head.getByTestId('published-by')).toContainText('Nguyễn Thị Hồng');
  await expect(head.getByTestId('schedule-unpublish')).toBeVisible();

  const other = await openSchedule(browser, 'chuyenvien2');
  await other.getByTestId('unit-select').click();
  await other.getByRole('option', { name: 'Trường Mầm non An Minh', exact: true }).click();
  await expect(other.getByTestId('week-status')).toHaveText('Đã công bố');
  await expect(other.getByTestId('schedule-entry')).toHaveCount(2);
  await expect(other.getByTestId('schedule-entry').first()).toContainText('Chào cờ đầu tuần');
  await expect(other.getByTestId('schedule-add')).toHaveCount(0);
  await expect(other.getByTestId('entry-edit')).toHaveCount(0);
  await expect(other.getByTestId('schedule-print')).toHaveAttribute('href', /\/api\/schedule\/week\.pdf\?unitId=/);
});

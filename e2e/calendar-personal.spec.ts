import { expect, test } from '@playwright/test';
import { openFunction, signIn } from './fixtures';

/** Today in Vietnam as yyyy-mm-dd and dd/mm/yyyy (the browser runs in Vietnam time). */
function today(): { iso: string; vn: string } {
  const iso = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const [y, m, d] = iso.split('-');
  return { iso, vn: `${d}/${m}/${y}` };
}

test('a teacher adds a weekly event, sees it in the week view (and the next week), with a task due date', async ({
  page,
}) => {
  const stamp = Date.now();
  const title = `Sinh hoạt chuyên môn tổ ${stamp}`;
  const taskTitle = `Nộp kế hoạch giảng dạy ${stamp}`;
  await signIn(page, 'mn.gv2');
  // A task of her own, due today: its due date shows in the calendar.
  const task = await page.request.post('/api/tasks', { data: { title: taskTitle, dueDate: today().iso } });
  expect(task.status()).toBe(201);

  await openFunction(page, 'Công việc', 'calendar-personal');
  await expect(page.getByTestId('page-calendar-personal')).toBeVisible();
  await page.getByTestId('calendar-add').click();
  const form = page.getByTestId('calendar-entry-form');
  await form.getByTestId('calendar-title').fill(title);
  await form.getByTestId('calendar-start-date').fill(today().vn);
  await form.getByTestId('calendar-start-time').fill('10:00');
  await form.getByTestId('calendar-end-time').fill('11:30');
  await form.getByTestId('calendar-location').fill('Phòng họp A');
  await form.getByTestId('calendar-repeat').click();
  await page.getByRole('option', { name: 'Hằng tuần' }).click();
  await form.getByTestId('calendar-end-kind').getByText('Sau số lần').click();
  await form.getByTestId('calendar-count').fill('4');
  await form.getByTestId('calendar-remind').click();
  await page.getByRole('option', { name: '15 phút' }).click();
  await form.getByTestId('calendar-save').click();
  await expect(page.getByText('Đã lưu lịch.')).toBeVisible();

  await page.getByTestId('calendar-view').getByText('Tuần', { exact: true }).click();
  const calendar = page.getByTestId('calendar');
  await expect(calendar).toHaveAttribute('data-view', 'timeGridWeek');
  const event = calendar.locator('.fc-event', { hasText: title });
  await expect(event).toHaveCount(1);
  await expect(event).toContainText('10:00 - 11:30');
  await expect(calendar.locator('.fc-event', { hasText: `Hạn việc: ${taskTitle}` })).toBeVisible();

  // Weekly: it is there the week after too; the task due date is not.
  await page.getByTestId('calendar-next').click();
  await expect(calendar.locator('.fc-event', { hasText: title })).toHaveCount(1);
  await expect(calendar.locator('.fc-event', { hasText: taskTitle })).toHaveCount(0);

  // Opening it shows the entry with its recurrence.
  await calendar.locator('.fc-event', { hasText: title }).click();
  const edit = page.getByTestId('calendar-entry-form');
  await expect(edit.getByTestId('calendar-title')).toHaveValue(title);
  await expect(edit.getByTestId('calendar-count')).toHaveValue('4');
  await expect(page.getByTestId('calendar-skip')).toBeVisible();
});

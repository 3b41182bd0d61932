import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { openFunction, signIn } from './fixtures';

/**
 * Thống kê, báo cáo end to end: the clerk of THCS An Minh prints the incoming register of this
 * month (the document e2e/incoming.spec.ts registered is in it when the whole suite runs) and gets
 * a PDF. User: thcs.vanthu.
 */
test('the clerk prints the incoming register for this month as a PDF', async ({ page }) => {
  await signIn(page, 'thcs.vanthu');
  await openFunction(page, 'Văn bản', 'report-incoming-register');
  const form = page.getByTestId('page-report-incoming-register');
  await expect(form.getByTestId('register-unit')).toHaveValue('Trường THCS An Minh');
  // This month is the period chosen when the page opens.
  await expect(form.getByTestId('register-period-thisMonth')).toBeChecked();
  await expect(form.getByTestId('register-title')).toContainText('Sổ đăng ký văn bản đến năm');
  await expect(form.getByTestId('register-rows')).toContainText('dòng');

  const downloading = page.waitForEvent('download');
  await form.getByTestId('register-pdf').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^so-incoming-register-\d{4}-\d{2}-01-\d{4}-\d{2}-\d{2}\.pdf$/);
  const pdf = await readFile(await download.path());
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // A cover and a table page with the embedded Tinos faces: tens of kilobytes, never a stub.
  expect(pdf.length).toBeGreaterThan(20_000);
  expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]+\+Tinos-Bold/);
  await expect(page.getByText(/Đã tải tệp so-incoming-register/)).toBeVisible();
});

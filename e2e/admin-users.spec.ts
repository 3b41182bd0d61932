import { type Page, expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { openFunction, signIn } from './fixtures';

const HEADER = ['Tên đăng nhập', 'Họ và tên', 'Mã đơn vị', 'Chức danh', 'Email', 'Điện thoại', 'Nhóm'];

/** An import file as an administrator would fill it. */
async function xlsx(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Người dùng');
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function pick(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function rowAction(page: Page, username: string, action: string) {
  await page.getByTestId(`user-actions-${username}`).click();
  await page.getByTestId(`action-${action}`).click();
}

test('an administrator creates, locks, resets and imports users', async ({ page }) => {
  await signIn(page, 'admin');
  await openFunction(page, 'Quản trị', 'admin-users');
  await expect(page.getByTestId('page-admin-users')).toBeVisible();
  // Other journeys may have added people to the shared demo data: count from what is there now.
  await expect(page.getByTestId('users-total')).toHaveText(/^Tổng số \d+ người dùng$/);
  const before = Number((await page.getByTestId('users-total').textContent())?.match(/\d+/)?.[0]);
  expect(before).toBeGreaterThanOrEqual(18);

  // Search without diacritics.
  await page.getByTestId('users-search').fill('duc');
  await expect(page.getByTestId('user-row')).toHaveCount(1);
  await expect(page.getByTestId('user-row')).toContainText('Huỳnh Văn Đức');
  await page.getByTestId('users-search').fill('');

  // Create: Vietnamese messages under bad fields, then the one-time password once.
  await page.getByTestId('user-create').click();
  await page.getByTestId('form-username').fill('Ab');
  await page.getByTestId('form-phone').fill('12345');
  await page.getByTestId('form-submit').click();
  await expect(page.getByText('Tên đăng nhập chỉ gồm chữ thường không dấu', { exact: false })).toBeVisible();
  await expect(page.getByText('Số điện thoại phải gồm 10 chữ số', { exact: false })).toBeVisible();
  await page.getByTestId('form-username').fill('gv.thanh');
  await page.getByTestId('form-fullName').fill('Nguyễn Văn Thành');
  await pick(page, 'form-unit', 'Trường Tiểu học An Minh');
  await pick(page, 'form-jobTitle', 'Giáo viên');
  await page.getByTestId('form-phone').fill('0912 000 123');
  await page.getByTestId('group-add').click();
  await pick(page, 'group-select-0', 'Chuyên viên, giáo viên');
  await page.getByTestId('form-submit').click();
  await expect(page.getByTestId('one-time-password')).toHaveText(/^.{12}$/);
  await page.getByTestId('password-done').click();
  await page.getByTestId('users-search').fill('thanh');
  const row = page.getByTestId('user-row').filter({ hasText: 'gv.thanh' });
  await expect(row).toContainText('Trường Tiểu học An Minh');
  await expect(row.getByTestId('user-status')).toHaveText('Đang hoạt động');

  // Lock with confirmation: the badge turns "Đã khóa"; unlock brings it back.
  await rowAction(page, 'gv.thanh', 'lock');
  await page.getByTestId('confirm-reason').fill('Chuyển công tác');
  await page.getByTestId('confirm-submit').click();
  await expect(row.getByTestId('user-status')).toHaveText('Đã khóa');
  await rowAction(page, 'gv.thanh', 'unlock');
  await page.getByTestId('confirm-submit').click();
  await expect(row.getByTestId('user-status')).toHaveText('Đang hoạt động');

  // Reset password: shown once in a modal with a copy button.
  await rowAction(page, 'gv.thanh', 'reset-password');
  await page.getByTestId('confirm-submit').click();
  await expect(page.getByTestId('one-time-password')).toHaveText(/^.{12}$/);
  await expect(page.getByTestId('password-copy')).toBeVisible();
  await page.getByTestId('password-done').click();

  // Import: template download, a file with a bad row (nothing imported), then a good file.
  await page.getByTestId('users-search').fill('');
  await page.getByTestId('user-import').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('import-template').click();
  expect((await download).suggestedFilename()).toBe('mau-nhap-nguoi-dung.xlsx');
  const fileInput = page.locator('input[type="file"]');
  await fileInput.setInputFiles({
    name: 'loi.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await xlsx([
      ['gv.lan', 'Trần Thị Lan', 'THAM', 'Giáo viên', '', '0912000201', 'chuyen-vien'],
      ['gv.minh', 'Lê Văn Minh', 'THAM', '', '', '0912', ''],
    ]),
  });
  await page.getByTestId('import-submit').click();
  const errors = page.getByTestId('import-error-row');
  await expect(errors).toHaveCount(1);
  await expect(errors).toContainText('3');
  await expect(errors).toContainText('Điện thoại');
  await fileInput.setInputFiles({
    name: 'dung.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await xlsx([
      ['gv.lan', 'Trần Thị Lan', 'THAM', 'giao vien', '', '0912000201', 'chuyen-vien'],
      ['gv.minh', 'Lê Văn Minh', 'THAM', '', '', '0912000202', ''],
    ]),
  });
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('import-created-row')).toHaveCount(2);
  await page.getByTestId('import-close').click();
  // One created by hand and two imported.
  await expect(page.getByTestId('users-total')).toHaveText(`Tổng số ${before + 3} người dùng`);
});

test.describe('on a phone (390 px)', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('lists users as cards and filters by status without overflowing', async ({ page }) => {
    await signIn(page, 'admin');
    await page.getByTestId('nav-burger').click();
    await openFunction(page, 'Quản trị', 'admin-users');
    await expect(page.getByTestId('users-cards')).toBeVisible();
    await page.getByTestId('users-status').getByText('Đã khóa').click();
    await expect(page.getByTestId('users-empty')).toBeVisible();
    await page.getByTestId('users-status').getByText('Tất cả').click();
    await expect(page.getByTestId('user-row').first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await rowAction(page, 'th.gv1', 'edit');
    await expect(page.getByTestId('form-fullName')).toHaveValue('Huỳnh Văn Đức');
  });
});

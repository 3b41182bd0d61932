import { type Page, expect, test } from '@playwright/test';
import { openFunction, signIn } from './fixtures';

const panelTitle = (page: Page) => page.getByTestId('unit-panel-title');
const node = (page: Page, code: string) => page.getByTestId(`unit-node-${code}`);

test('Đơn vị trực thuộc: search, add a child, edit, move, deactivate and reactivate', async ({ page }) => {
  await signIn(page, 'admin');
  await openFunction(page, 'Quản trị', 'admin-units');
  await expect(page.getByTestId('page-admin-units')).toBeVisible();
  await expect(node(page, 'THCSAM')).toBeVisible();

  // Search without diacritics keeps the ancestors of each match.
  await page.getByTestId('units-search').fill('tieu hoc');
  await expect(node(page, 'MNAM')).toHaveCount(0);
  await expect(node(page, 'THAM')).toBeVisible();
  await expect(node(page, 'THAM').locator('mark')).toHaveText('Tiểu học');
  await expect(node(page, 'PGDDT')).toBeVisible();
  await page.getByTestId('units-search').fill('');
  await expect(node(page, 'MNAM')).toBeVisible();

  // A unit with children cannot stop: the dialog says why.
  await node(page, 'THCSAM').getByText('Trường THCS An Minh').click();
  await expect(panelTitle(page)).toHaveText('Trường THCS An Minh');
  await page.getByTestId('unit-deactivate').click();
  await expect(page.getByTestId('unit-deactivate-blocked')).toContainText('4 người dùng');
  await expect(page.getByTestId('unit-status-confirm')).toBeDisabled();
  await page.getByRole('button', { name: 'Hủy' }).click();

  // Add a child; bad input gets Vietnamese messages under the fields.
  await page.getByTestId('unit-add-child').click();
  const form = page.getByTestId('unit-create-form');
  await form.getByTestId('unit-code').fill('THCSAM-TOAN');
  await form.getByTestId('unit-name').fill('Tổ Toán - Tin');
  await form.getByTestId('unit-short-name').fill('to toan');
  await expect(form.getByTestId('unit-short-name')).toHaveValue('TO TOAN');
  await form.getByTestId('unit-email').fill('khong-phai-email');
  await page.getByTestId('unit-create-submit').click();
  await expect(form.getByText('Tên viết tắt chỉ gồm chữ in hoa')).toBeVisible();
  await expect(form.getByText('Địa chỉ email không hợp lệ.')).toBeVisible();
  await form.getByTestId('unit-short-name').fill('TOTIN');
  await form.getByTestId('unit-email').fill('totoan@anminh.edu.vn');
  await page.getByTestId('unit-create-submit').click();
  await expect(panelTitle(page)).toHaveText('Tổ Toán - Tin');
  await expect(node(page, 'THCSAM-TOAN')).toBeVisible();

  // A duplicate code is refused under the field.
  const edit = page.getByTestId('unit-edit-form');
  await edit.getByTestId('unit-code').fill('thcsam');
  await page.getByTestId('unit-save').click();
  await expect(page.getByText('Mã đơn vị này đã được dùng cho đơn vị khác.')).toBeVisible();
  await edit.getByTestId('unit-code').fill('THCSAM-TOAN');
  await edit.getByTestId('unit-phone').fill('0297 3866 200');
  await page.getByTestId('unit-save').click();
  await expect(page.getByText('Đã lưu thông tin đơn vị.')).toBeVisible();

  // Move it to the primary school.
  await page.getByTestId('unit-move').click();
  await page.getByTestId('unit-move-target').click();
  await page.getByRole('option', { name: 'Trường Tiểu học An Minh' }).click();
  await page.getByTestId('unit-move-submit').click();
  await expect(page.getByTestId('unit-panel')).toContainText('Đơn vị cấp trên: Trường Tiểu học An Minh');

  // Deactivate with confirmation, then bring it back.
  await page.getByTestId('unit-deactivate').click();
  await page.getByTestId('unit-status-confirm').click();
  await expect(page.getByTestId('unit-inactive-badge')).toBeVisible();
  await expect(node(page, 'THCSAM-TOAN')).toHaveCount(0);
  await page.getByTestId('units-show-inactive').click();
  await expect(node(page, 'THCSAM-TOAN')).toContainText('Ngừng hoạt động');
  await page.getByTestId('unit-activate').click();
  await page.getByTestId('unit-status-confirm').click();
  await expect(page.getByTestId('unit-inactive-badge')).toHaveCount(0);
});

test('Danh mục chức danh: add, reorder, deactivate a title still held', async ({ page }) => {
  await signIn(page, 'admin');
  await openFunction(page, 'Quản trị', 'admin-job-titles');
  const rows = page.getByTestId('title-row');
  await expect(rows.first()).toHaveAttribute('data-name', 'Trưởng phòng');

  await page.getByTestId('title-add').click();
  await page.getByTestId('title-submit').click();
  await expect(page.getByText('Vui lòng nhập tên chức danh.')).toBeVisible();
  await page.getByTestId('title-name').fill('giáo viên');
  await page.getByTestId('title-submit').click();
  await expect(page.getByText('Đã có chức danh đang dùng với tên này.')).toBeVisible();
  await page.getByTestId('title-name').fill('Kế toán');
  await page.getByTestId('title-submit').click();
  await expect(rows.last()).toHaveAttribute('data-name', 'Kế toán');

  // One step up: it now comes before "Quản trị hệ thống".
  await rows.last().getByTestId('title-up').click();
  await expect(page.getByText('Đã lưu thứ tự chức danh.')).toBeVisible();
  await expect(rows.nth(-2)).toHaveAttribute('data-name', 'Kế toán');
  await page.reload();
  await expect(page.getByTestId('title-row').nth(-2)).toHaveAttribute('data-name', 'Kế toán');

  const teacher = page.locator('[data-testid="title-row"][data-name="Giáo viên"]');
  await teacher.getByTestId('title-deactivate').click();
  await expect(page.getByTestId('title-holders-warning')).toContainText('6 người');
  await page.getByTestId('title-status-confirm').click();
  await expect(teacher).toHaveCount(0);
  await page.getByTestId('titles-show-inactive').click();
  await expect(teacher).toContainText('Ngừng sử dụng');

  // Leave the shared demo data as found: other journeys give people this title.
  await teacher.getByTestId('title-activate').click();
  await page.getByTestId('title-status-confirm').click();
  await expect(teacher).not.toContainText('Ngừng sử dụng');
});

test.describe('on a phone (390 px)', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the unit tree and its drawer fit the screen', async ({ page }) => {
    await signIn(page, 'admin');
    await page.getByTestId('nav-burger').click();
    await openFunction(page, 'Quản trị', 'admin-units');
    await expect(node(page, 'THAM')).toBeVisible();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await node(page, 'THAM').getByText('Trường Tiểu học An Minh').click();
    await expect(panelTitle(page)).toHaveText('Trường Tiểu học An Minh');
    await expect(page.getByTestId('unit-organ-id')).toBeVisible();
    expect(await overflow()).toBeLessThanOrEqual(0);
  });
});

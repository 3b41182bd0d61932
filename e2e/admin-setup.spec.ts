import { type Page, expect, test } from '@playwright/test';
import { visibleFunctions } from '../contracts/functions';
import { openFunction, signIn } from './fixtures';

async function pick(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/**
 * The whole set-up of the issue in the browser: a unit, a user in it, a group with one
 * permission; the new user signs in and sees exactly the menu that permission allows.
 */
test('an administrator sets up a unit, a user and a one-permission group; the user sees exactly that menu', async ({
  page,
}) => {
  await signIn(page, 'admin');

  // 1. A new school under the Phòng.
  await openFunction(page, 'Quản trị', 'admin-units');
  await page.getByTestId('unit-node-PGDDT').getByText('Phòng Giáo dục và Đào tạo huyện An Minh').click();
  await page.getByTestId('unit-add-child').click();
  const form = page.getByTestId('unit-create-form');
  await form.getByTestId('unit-code').fill('THAM2');
  await form.getByTestId('unit-name').fill('Trường Tiểu học An Minh 2');
  await form.getByTestId('unit-short-name').fill('THAM2');
  await page.getByTestId('unit-create-submit').click();
  await expect(page.getByTestId('unit-node-THAM2')).toBeVisible();

  // 2. A user in it, with a one-time password.
  await openFunction(page, 'Quản trị', 'admin-users');
  await page.getByTestId('user-create').click();
  await page.getByTestId('form-username').fill('tham2.vanthu');
  await page.getByTestId('form-fullName').fill('Trương Thị Ngọc Hân');
  await pick(page, 'form-unit', 'Trường Tiểu học An Minh 2');
  await page.getByTestId('form-submit').click();
  const oneTime = (await page.getByTestId('one-time-password').textContent())?.trim() ?? '';
  expect(oneTime).toHaveLength(12);
  await page.getByTestId('password-done').click();

  // 3. A group with exactly one permission, and the user as its member.
  await openFunction(page, 'Quản trị', 'admin-groups');
  await page.getByTestId('groups-create').click();
  await page.getByTestId('group-form-name').fill('Quản lý chức danh');
  await page.getByTestId('group-form-submit').click();
  await expect(page.getByTestId('group-title')).toHaveText('Quản lý chức danh');
  await page.getByTestId('perm-admin.jobTitles').check();
  await page.getByTestId('perm-save').click();
  await expect(page.getByTestId('perm-save')).toBeDisabled();
  await page.getByTestId('tab-members').click();
  await page.getByTestId('member-user').fill('ngoc han');
  await page.getByRole('option', { name: /Trương Thị Ngọc Hân/ }).click();
  await page.getByTestId('member-add-submit').click();
  await expect(page.getByTestId('member-row')).toHaveCount(1);
  await page.getByTestId('btn-logout').click();

  // 4. The new user signs in, must change the one-time password, then sees the menu.
  await page.getByLabel('Tên đăng nhập').fill('tham2.vanthu');
  await page.getByLabel('Mật khẩu', { exact: true }).fill(oneTime);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('forced-explanation')).toBeVisible();
  await page.getByTestId('current-password').fill(oneTime);
  await page.getByTestId('new-password').fill('NgocHan@2027');
  await page.getByTestId('confirm-password').fill('NgocHan@2027');
  await page.getByTestId('change-password-submit').click();
  await expect(page.getByTestId('home')).toBeVisible();

  const menu = page.getByTestId('nav-menu');
  // Collapsed groups keep their entries in the page, so every visible function is counted.
  const shown = await menu
    .locator('[data-testid^="nav-"]:not([data-testid^="nav-group-"])')
    .evaluateAll((els) => els.map((e) => (e.getAttribute('data-testid') ?? '').slice(4)));
  const expected = visibleFunctions(['admin.jobTitles']).map((f) => f.id);
  expect(shown.sort()).toEqual([...expected].sort());
  expect(shown).toContain('admin-job-titles');
  expect(shown).not.toContain('admin-users');

  // The one permission works: the job-title catalogue opens.
  await openFunction(page, 'Quản trị', 'admin-job-titles');
  await expect(page.getByTestId('page-admin-job-titles')).toBeVisible();
});

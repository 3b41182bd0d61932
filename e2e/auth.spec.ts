import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, openFunction, signIn } from './fixtures';

test('change password, sign out, sign in with the new password', async ({ page }) => {
  await signIn(page, 'mn.gv1');
  await openFunction(page, 'Cá nhân', 'change-password');
  const form = page.getByTestId('page-change-password');
  await form.getByTestId('current-password').fill(DEMO_PASSWORD);
  await form.getByTestId('new-password').fill('ChuyenVien@2027');
  await form.getByTestId('confirm-password').fill('ChuyenVien@2027');
  await form.getByTestId('change-password-submit').click();
  await expect(page.getByText('Đã đổi mật khẩu')).toBeVisible();

  await page.getByTestId('btn-logout').click();
  await expect(page.getByTestId('login-submit')).toBeVisible();
  // The old password no longer works; the new one does.
  await page.getByLabel('Tên đăng nhập').fill('mn.gv1');
  await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toContainText('Tên đăng nhập hoặc mật khẩu không đúng');
  await signIn(page, 'mn.gv1', 'ChuyenVien@2027');
});

test('a wrong current password is refused with a Vietnamese message', async ({ page }) => {
  await signIn(page, 'th.vanthu');
  await openFunction(page, 'Cá nhân', 'change-password');
  const form = page.getByTestId('page-change-password');
  await form.getByTestId('current-password').fill('sai-mat-khau');
  await form.getByTestId('new-password').fill('VanThu@2027');
  await form.getByTestId('confirm-password').fill('VanThu@2027');
  await form.getByTestId('change-password-submit').click();
  await expect(form.getByText('Mật khẩu hiện tại không đúng')).toBeVisible();
});

test('wrong password, then lockout after five tries', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Đăng nhập CloudOffice' })).toBeVisible();
  await page.getByLabel('Tên đăng nhập').fill('thcs.gv2');
  for (let i = 1; i <= 4; i++) {
    await page.getByLabel('Mật khẩu', { exact: true }).fill(`sai${i}`);
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('login-error')).toContainText('Tên đăng nhập hoặc mật khẩu không đúng');
  }
  await page.getByLabel('Mật khẩu', { exact: true }).fill('sai5');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toContainText('Tài khoản tạm khóa');
  // Even the right password is refused while locked.
  await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toContainText('Tài khoản tạm khóa');
});

test('the sign-in page switches to English', async ({ page }) => {
  await page.goto('/login');
  await page.getByTestId('language-switch').click();
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('heading', { name: /Sign in/i })).toBeVisible();
});

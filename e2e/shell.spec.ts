import { expect, test } from '@playwright/test';
import { openFunction, signIn } from './fixtures';

test('functions open as tabs; "Chờ" parks one with its state; "Trang chủ" closes all', async ({ page }) => {
  await signIn(page, 'truongphong');
  await expect(page.getByTestId('home-greeting')).toContainText('Huỳnh Văn Tiến');
  for (const key of ['opinions', 'messages', 'unreadIncoming', 'unreadOutgoing', 'tasksWaiting']) {
    await expect(page.getByTestId(`badge-${key}`)).toHaveText('0');
  }

  await openFunction(page, 'Tiện ích', 'directory');
  await expect(page.getByTestId('page-directory')).toBeVisible();
  await page.getByTestId('directory-search').fill('duc');
  await expect(page.getByTestId('page-directory').getByText('Huỳnh Văn Đức').first()).toBeVisible();

  await openFunction(page, 'Cá nhân', 'change-password');
  await expect(page.getByTestId('page-change-password')).toBeVisible();
  await expect(page.getByTestId('tab-directory')).toBeVisible();
  await expect(page.getByTestId('tab-change-password')).toBeVisible();

  // Back to the directory tab: the typed search is still there.
  await page.getByTestId('tab-directory').click();
  await expect(page.getByTestId('directory-search')).toHaveValue('duc');

  // "Chờ" parks it and shows home; restoring brings back the same state.
  await page.getByTestId('btn-wait').click();
  await expect(page.getByTestId('home')).toBeVisible();
  await expect(page.getByTestId('tab-directory')).toHaveCount(0);
  await page.getByTestId('parked-directory').click();
  await expect(page.getByTestId('directory-search')).toHaveValue('duc');

  // "Trang chủ (đóng tất cả)" closes every tab.
  await page.getByTestId('btn-home').click();
  await expect(page.getByTestId('home')).toBeVisible();
  await expect(page.getByTestId('tab-directory')).toHaveCount(0);
  await expect(page.getByTestId('tab-change-password')).toHaveCount(0);
});

test('the menu shows only what the permissions allow', async ({ page }) => {
  await signIn(page, 'th.gv2');
  const menu = page.getByTestId('nav-menu');
  // "Cài đặt tùy chọn" is for everyone (its personal tab), so the admin group shows only that function.
  await openFunction(page, 'Quản trị', 'admin-settings');
  for (const id of ['admin-units', 'admin-users', 'admin-groups', 'admin-catalogs', 'admin-audit']) {
    await expect(menu.getByTestId(`nav-${id}`)).toHaveCount(0);
  }
  await expect(menu.getByText('Cá nhân', { exact: true })).toBeVisible();
  await page.getByTestId('btn-logout').click();
  await signIn(page, 'admin');
  await expect(page.getByTestId('nav-menu').getByText('Quản trị', { exact: true })).toBeVisible();
});

test('favourite functions appear as tiles on the home screen', async ({ page }) => {
  await signIn(page, 'chuyenvien2');
  await openFunction(page, 'Cá nhân', 'favourites');
  await page.getByTestId('fav-check-change-password').click();
  await page.getByTestId('fav-save').click();
  await page.getByTestId('btn-home').click();
  await expect(page.getByTestId('home').getByText('Danh bạ điện thoại')).toBeVisible();
  await expect(page.getByTestId('home').getByText('Đổi mật khẩu')).toHaveCount(0);
});

test.describe('on a phone (390 px)', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('signs in, opens a function from the menu drawer, nothing overflows', async ({ page }) => {
    await signIn(page, 'mn.hieutruong');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByTestId('nav-burger').click();
    await openFunction(page, 'Tiện ích', 'directory');
    await expect(page.getByTestId('page-directory')).toBeVisible();
    await expect(page.getByTestId('badge-unreadIncoming')).toBeVisible();
  });
});

import { expect, test } from '@playwright/test';
import { openFunction, signIn } from './fixtures';

test('a proposed phone reaches the administrator in real time and is applied on approval', async ({ browser }) => {
  const adminContext = await browser.newContext();
  const staffContext = await browser.newContext();
  const admin = await adminContext.newPage();
  const staff = await staffContext.newPage();

  await signIn(admin, 'admin');
  const badge = admin.getByTestId('badge-accountRequests');
  await expect(badge).toHaveText('0');

  await signIn(staff, 'chuyenvien1');
  // Only administrators see the counter.
  await expect(staff.getByTestId('badge-accountRequests')).toHaveCount(0);
  await openFunction(staff, 'Cá nhân', 'account');
  await expect(staff.getByTestId('page-account')).toBeVisible();
  await expect(staff.getByTestId('account-tab-review')).toHaveCount(0);
  await staff.getByTestId('account-tab-proposals').click();
  await staff.getByTestId('proposal-phone').fill('0987 654 321');
  await staff.getByTestId('proposal-submit').click();
  await expect(staff.getByText('Vui lòng nhập lý do đề xuất.')).toBeVisible();
  await staff.getByTestId('proposal-reason').fill('Đổi sang số điện thoại mới');
  await staff.getByTestId('proposal-submit').click();
  await expect(staff.getByTestId('proposal-item').first()).toHaveAttribute('data-status', 'pending');

  // The administrator's counter moves without reloading.
  await expect(badge).toHaveText('1');
  await badge.getByRole('button').click();
  const row = admin.getByTestId('review-row').filter({ hasText: 'Lê Hoàng Nam' });
  await expect(row).toBeVisible();
  await expect(row.getByTestId('change-phone').getByTestId('change-proposed')).toHaveText('0987654321');
  await row.getByTestId('review-approve').click();
  await admin.getByTestId('confirm-ok').click();
  await expect(admin.getByTestId('review-empty')).toBeVisible();
  await expect(badge).toHaveText('0');

  // The proposer is told, and the account page shows the new phone.
  await expect(staff.getByText('Đề xuất thay đổi thông tin đã được duyệt')).toBeVisible();
  await staff.reload();
  await staff.getByTestId('account-tab-profile').click();
  await expect(staff.getByTestId('profile-phone')).toHaveText('0987654321');

  await adminContext.close();
  await staffContext.close();
});

test('a delegate works on behalf of the delegator and stops again', async ({ browser }) => {
  const bossContext = await browser.newContext();
  const boss = await bossContext.newPage();
  await signIn(boss, 'truongphong');
  await openFunction(boss, 'Cá nhân', 'account');
  await boss.getByTestId('account-tab-delegations').click();
  await boss.getByTestId('delegation-to').fill('Quang');
  await boss.getByRole('option', { name: 'Trần Minh Quang' }).click();
  await boss.getByTestId('delegation-note').fill('Đi công tác');
  await boss.getByTestId('delegation-submit').click();
  await expect(boss.getByTestId('delegation-given')).toContainText('Trần Minh Quang');
  await bossContext.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'photruongphong');
  await page.getByTestId('user-menu').click();
  await page.getByText('Làm việc thay: Huỳnh Văn Tiến').click();
  await expect(page.getByTestId('acting-for-banner')).toContainText('Đang làm việc thay Huỳnh Văn Tiến');
  await expect(page.getByTestId('home')).toBeVisible();
  await page.getByTestId('acting-for-stop').click();
  await expect(page.getByTestId('home')).toBeVisible();
  await expect(page.getByTestId('acting-for-banner')).toHaveCount(0);
  await context.close();
});

test.describe('on a phone (390 px)', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the account page does not overflow', async ({ page }) => {
    await signIn(page, 'admin');
    await page.goto('/app/account?tab=review');
    await expect(page.getByTestId('review-tab')).toBeVisible();
    for (const tab of ['profile', 'proposals', 'delegations', 'review']) {
      await page.getByTestId(`account-tab-${tab}`).click();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, tab).toBeLessThanOrEqual(0);
    }
  });
});

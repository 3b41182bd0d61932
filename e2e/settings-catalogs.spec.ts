import { type Page, expect, test } from '@playwright/test';
import { DEMO_PASSWORD, openFunction, signIn } from './fixtures';

/** Picks an option of a Mantine Select by its visible label. */
async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('personal options: the chosen landing function opens after the next sign-in', async ({ page }) => {
  await signIn(page, 'chuyenvien1');
  await openFunction(page, 'Quản trị', 'admin-settings');
  await expect(page.getByTestId('settings-personal')).toBeVisible();
  // No admin.settings: the system options tab is not offered.
  await expect(page.getByTestId('settings-tab-admin')).toHaveCount(0);

  await choose(page, 'pref-landing', 'Danh bạ điện thoại');
  await page.getByTestId('pref-notify-sms').check();
  await page.getByTestId('pref-save').click();
  await expect(page.getByText('Đã lưu tùy chọn cá nhân.')).toBeVisible();

  await page.getByTestId('btn-logout').click();
  await page.getByLabel('Tên đăng nhập').fill('chuyenvien1');
  await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('page-directory')).toBeVisible();
  await expect(page).toHaveURL(/\/app\/directory$/);
});

test('system options: validated per field, saved per section, restored to default', async ({ page }) => {
  await signIn(page, 'admin');
  await openFunction(page, 'Quản trị', 'admin-settings');
  await page.getByTestId('settings-tab-admin').click();

  const upload = page.getByTestId('settings-section-upload');
  const maxFile = upload.getByTestId('setting-upload_maxFileMb');
  await maxFile.fill('500');
  await page.getByTestId('settings-save-upload').click();
  await expect(upload.getByText('Nhập số MB từ 1 đến 200.')).toBeVisible();

  await maxFile.fill('30');
  await page.getByTestId('settings-save-upload').click();
  await expect(page.getByText('Đã lưu mục “Tải tệp”.')).toBeVisible();
  await expect(upload.getByTestId('reset-upload_maxFileMb')).toBeVisible();

  // A working day list and a new holiday, saved together.
  const work = page.getByTestId('settings-section-work');
  await work.getByLabel('Thứ Bảy').check();
  await work.getByTestId('holiday-date').fill('2026-11-20');
  await work.getByTestId('holiday-add').click();
  await expect(work.getByText('20/11/2026')).toBeVisible();
  await page.getByTestId('settings-save-work').click();
  await expect(page.getByText('Đã lưu mục “Ngày làm việc”.')).toBeVisible();

  // Back to the default, with the reset button gone.
  await upload.getByTestId('reset-upload_maxFileMb').click();
  await expect(maxFile).toHaveValue('20');
  await expect(upload.getByTestId('reset-upload_maxFileMb')).toHaveCount(0);

  // The HTTP gateway fields appear with that choice, and its address is required when SMS is on.
  const sms = page.getByTestId('settings-section-sms');
  await sms.getByTestId('setting-sms_enabled').check();
  await choose(page, 'setting-sms_provider', 'Cổng HTTP của nhà cung cấp');
  await page.getByTestId('settings-save-sms').click();
  await expect(sms.getByText('Cần nhập địa chỉ cổng SMS khi bật gửi SMS qua cổng HTTP.')).toBeVisible();
});

test('catalogs: search without diacritics, add and deactivate a type, duplicate organs are refused', async ({
  page,
}) => {
  await signIn(page, 'admin');
  await openFunction(page, 'Quản trị', 'admin-catalogs');
  const types = page.getByTestId('catalog-document-types');
  await expect(types.getByText('QyĐ')).toBeVisible();

  await page.getByTestId('catalog-search-document-types').fill('quy dinh');
  await expect(types.getByTestId('catalog-row')).toHaveCount(1);
  await expect(types.getByText('Quy định', { exact: true })).toBeVisible();
  await page.getByTestId('catalog-search-document-types').fill('');

  await page.getByTestId('catalog-add-document-types').click();
  await page.getByTestId('form-name').fill('Bản sao y');
  await page.getByTestId('form-abbreviation').fill('qđ');
  await page.getByTestId('form-submit').click();
  await expect(page.getByText('Chữ viết tắt bắt đầu bằng chữ in hoa')).toBeVisible();
  await page.getByTestId('form-abbreviation').fill('SY');
  await page.getByTestId('form-submit').click();
  await expect(page.getByText('Đã thêm “Bản sao y”.')).toBeVisible();

  await page.getByTestId('catalog-search-document-types').fill('ban sao');
  const row = types.getByTestId('catalog-row').filter({ hasText: 'Bản sao y' });
  await row.getByTestId('catalog-deactivate').click();
  await page.getByTestId('catalog-confirm-deactivate').click();
  await expect(row.getByText('Ngừng sử dụng', { exact: true })).toBeVisible();
  await expect(row.getByTestId('catalog-activate')).toBeVisible();

  await page.getByTestId('catalogs-tab-issuing-organs').click();
  await page.getByTestId('catalog-add-issuing-organs').click();
  await page.getByTestId('form-name').fill('Sở Giáo dục và Đào tạo Kiên Giang');
  await page.getByTestId('form-submit').click();
  await expect(page.getByText('Đã thêm “Sở Giáo dục và Đào tạo Kiên Giang”.')).toBeVisible();

  await page.getByTestId('catalog-add-issuing-organs').click();
  await page.getByTestId('form-name').fill('Sở GD&ĐT tỉnh Kiên Giang');
  await expect(page.getByTestId('organ-similar')).toContainText('Sở Giáo dục và Đào tạo Kiên Giang');
  await page.getByTestId('form-name').fill('Sở GD&ĐT Kiên Giang');
  await page.getByTestId('form-submit').click();
  await expect(page.getByText('Đã có “Sở Giáo dục và Đào tạo Kiên Giang” trong danh mục.')).toBeVisible();
});

test.describe('on a phone (390 px)', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the catalogs show as cards and nothing overflows', async ({ page }) => {
    await signIn(page, 'admin');
    await page.goto('/app/admin-catalogs');
    await page.getByTestId('catalogs-tab-urgency').click();
    await expect(page.getByTestId('catalog-cards-urgency').getByText('Hỏa tốc')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

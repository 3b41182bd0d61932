import { expect, test } from '@playwright/test';
import { openFunction, signIn } from './fixtures';

/** A calendar day in Vietnam time as dd/mm/yyyy, `offset` days from today. */
function vietnamDay(offset: number): string {
  const iso = new Date(Date.now() + 7 * 3_600_000 + offset * 86_400_000).toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

test('an administrator copies a built-in group, adjusts it, adds a member, then finds it all in the audit log', async ({
  page,
}) => {
  await signIn(page, 'admin');
  await openFunction(page, 'Quản trị', 'admin-groups');
  const groups = page.getByTestId('page-admin-groups');
  await expect(groups.getByTestId('group-row')).toHaveCount(4);

  // Search without diacritics, open the built-in "Văn thư": read-only, with "Sao chép nhóm".
  await page.getByTestId('groups-search').fill('van thu');
  await expect(groups.getByTestId('group-row')).toHaveCount(1);
  await groups.getByTestId('group-row').first().click();
  await expect(page.getByTestId('group-title')).toHaveText('Văn thư');
  await expect(page.getByTestId('builtin-notice')).toBeVisible();
  await expect(page.getByTestId('perm-incoming.register')).toBeChecked();
  await expect(page.getByTestId('perm-incoming.register')).toBeDisabled();
  await expect(page.getByTestId('perm-save')).toHaveCount(0);

  await page.getByTestId('builtin-copy').click();
  await expect(page.getByTestId('group-form-name')).toHaveValue('Văn thư (bản sao)');
  await page.getByTestId('group-form-name').fill('Văn thư trường học');
  await page.getByTestId('group-form-submit').click();
  await expect(page.getByTestId('group-title')).toHaveText('Văn thư trường học');

  // The copy is editable: add "Báo cáo tổng hợp", drop every "Văn bản lưu" permission.
  await page.getByTestId('perm-reports.summary').check();
  await page.getByTestId('perm-all-archived').uncheck();
  await expect(page.getByTestId('perm-archived.view')).not.toBeChecked();
  await page.getByTestId('perm-save').click();
  await expect(page.getByText('Đã lưu quyền của nhóm.')).toBeVisible();
  await expect(page.getByTestId('perm-save')).toBeDisabled();

  // Members: find a person without diacritics, give them their own unit as scope.
  await page.getByTestId('tab-members').click();
  await page.getByTestId('member-user').fill('hoang nam');
  await page.getByRole('option', { name: /Lê Hoàng Nam/ }).click();
  await page.getByTestId('member-add-submit').click();
  await expect(page.getByTestId('member-row')).toHaveCount(1);
  await expect(page.getByTestId('member-row')).toContainText('Phòng Giáo dục và Đào tạo huyện An Minh');
  await expect(page.getByTestId('member-row-scope')).toHaveValue('Đơn vị mình');

  // The audit log shows the latest change first, with before/after values on demand.
  await openFunction(page, 'Quản trị', 'admin-audit');
  const audit = page.getByTestId('page-admin-audit');
  const first = audit.getByTestId('audit-row').first();
  await expect(first).toContainText('Thêm thành viên nhóm');
  await expect(first).toContainText('Quản Trị Hệ Thống');
  await first.getByTestId('audit-expand').click();
  await expect(audit.getByTestId('audit-diff')).toContainText('chuyenvien1');

  await page.getByTestId('audit-action').click();
  await page.getByRole('option', { name: 'Sao chép nhóm quyền' }).click();
  await expect(audit.getByTestId('audit-row')).toHaveCount(1);
  await expect(audit.getByTestId('audit-row')).toContainText('Nhóm quyền');

  // Dates are typed dd/mm/yyyy (Vietnam time); a reversed range is flagged under "Đến ngày".
  await page.getByTestId('audit-from').fill(vietnamDay(0));
  await expect(audit.getByTestId('audit-row')).toHaveCount(1);
  await page.getByTestId('audit-to').fill(vietnamDay(-1));
  await expect(audit.getByText('Đến ngày phải sau hoặc bằng từ ngày.')).toBeVisible();
  await page.getByTestId('audit-to').fill('');
  await page.getByTestId('audit-from').fill(vietnamDay(1));
  await expect(audit.getByTestId('audit-empty')).toBeVisible();
  await page.getByTestId('audit-clear').click();
  await expect(page.getByTestId('audit-from')).toHaveValue('');
  await expect(audit.getByTestId('audit-row').first()).toContainText('Thêm thành viên nhóm');

  const download = page.waitForEvent('download');
  await page.getByTestId('audit-export').click();
  expect((await download).suggestedFilename()).toMatch(/^nhat-ky-\d{8}\.xlsx$/);
  await expect(page.getByText('Đã tải tệp Excel nhật ký.')).toBeVisible();
});

test('a non-administrator does not see the group and audit functions', async ({ page }) => {
  await signIn(page, 'chuyenvien1');
  await expect(page.getByTestId('nav-admin-groups')).toHaveCount(0);
  await expect(page.getByTestId('nav-admin-audit')).toHaveCount(0);
});

test.describe('on a phone (390 px)', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('groups show as cards and the audit log fits the screen', async ({ page }) => {
    await signIn(page, 'admin');
    await page.goto('/app/admin-groups');
    await expect(page.getByTestId('groups-cards')).toBeVisible();
    await page.getByTestId('group-row').first().click();
    await expect(page.getByTestId('permission-tree')).toBeVisible();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.goto('/app/admin-audit');
    await expect(page.getByTestId('audit-cards')).toBeVisible();
    await page.getByTestId('audit-expand').first().click();
    expect(await overflow()).toBeLessThanOrEqual(0);
  });
});

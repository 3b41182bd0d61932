import { expect, test } from '@playwright/test';
import { openFunction, signIn } from './fixtures';

test('a note added from the top-bar drawer is pinned, recoloured, shown on the page and deleted', async ({ page }) => {
  await signIn(page, 'th.hieutruong');
  await page.getByTestId('btn-notes').click();
  const drawer = page.getByRole('dialog', { name: 'Tích kê điện tử' });
  await expect(drawer).toBeVisible();
  await drawer.getByTestId('note-new').fill('Gọi điện cho phụ huynh lớp 5A');
  await drawer.getByTestId('note-new').press('Control+Enter');
  const card = drawer.getByTestId('note-card').filter({ hasText: 'Gọi điện cho phụ huynh lớp 5A' });
  await expect(card).toBeVisible();
  await expect(drawer.getByTestId('note-new')).toHaveValue('');

  await card.getByTestId('note-pin').click();
  await expect(card.getByTestId('note-pin')).toHaveAttribute('aria-pressed', 'true');
  await card.getByTestId('note-color-blue').click();
  await expect(card.getByTestId('note-color-blue')).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  await openFunction(page, 'Công việc', 'sticky-notes');
  const pageCard = page
    .getByTestId('page-sticky-notes')
    .getByTestId('note-card')
    .filter({ hasText: 'Gọi điện cho phụ huynh lớp 5A' });
  await expect(pageCard).toBeVisible();
  await expect(pageCard.getByTestId('note-pin')).toHaveAttribute('aria-pressed', 'true');
  await expect(pageCard.getByTestId('note-color-blue')).toHaveAttribute('aria-checked', 'true');

  // Edit in place: click the text, change it, leave the field.
  await pageCard.getByTestId('note-text').click();
  await page.getByTestId('note-edit').fill('Gọi điện cho phụ huynh lớp 5A lúc 16h');
  await page.getByTestId('note-edit').blur();
  const edited = page.getByTestId('note-card').filter({ hasText: 'lúc 16h' });
  await expect(edited).toBeVisible();

  await edited.getByTestId('note-delete').click();
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('note-card').filter({ hasText: 'phụ huynh lớp 5A' })).toHaveCount(0);
  await expect(page.getByText('Đã xóa tích kê.')).toBeVisible();
});

test.describe('on a phone (390 px)', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the notes page and the drawer fit the screen', async ({ page }) => {
    await signIn(page, 'th.hieutruong');
    await page.getByTestId('btn-notes').click();
    const drawer = page.getByRole('dialog', { name: 'Tích kê điện tử' });
    await drawer.getByTestId('note-new').fill('Một ghi chú rất dài '.repeat(20));
    await drawer.getByTestId('note-add').click();
    await expect(drawer.getByTestId('note-card')).toHaveCount(1);
    const box = await drawer.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(389);
    await page.keyboard.press('Escape');
    await page.goto('/app/sticky-notes');
    await expect(page.getByTestId('page-sticky-notes').getByTestId('note-card')).toHaveCount(1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

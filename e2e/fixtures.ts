import { type Page, expect } from '@playwright/test';

export const DEMO_PASSWORD = 'Demo@2026';

/** Signs in through the sign-in page, as a person would, and waits for the home screen. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('home')).toBeVisible();
}

/** Opens a function from the left menu (opening its group first when collapsed). */
export async function openFunction(page: Page, groupLabel: string, functionId: string): Promise<void> {
  const link = page.getByTestId(`nav-${functionId}`);
  if (!(await link.isVisible())) await page.getByTestId('nav-menu').getByText(groupLabel, { exact: true }).click();
  await link.click();
}

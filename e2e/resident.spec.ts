import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, signIn } from './fixtures';

test('the resident window keeps alerts running: a new announcement shows at once and raises a browser notification', async ({
  browser,
  playwright,
}) => {
  const context = await browser.newContext();
  await context.grantPermissions(['notifications']);
  // Count the browser notifications the page raises (the desktop alert itself is outside the page).
  await context.addInitScript(() => {
    const Native = window.Notification;
    const raised: string[] = [];
    (window as unknown as { raisedAlerts: string[] }).raisedAlerts = raised;
    class Counting extends Native {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        raised.push(`${title}|${options?.body ?? ''}`);
      }
    }
    Object.defineProperty(window, 'Notification', { value: Counting, configurable: true });
  });
  const page = await context.newPage();
  await signIn(page, 'th.gv1');
  await page.goto('/resident');
  const view = page.getByTestId('resident-view');
  await expect(view.getByRole('heading', { name: 'Cửa sổ thường trực' })).toBeVisible();
  await expect(view.getByText('Đã bật thông báo trên trình duyệt')).toBeVisible();
  // The counters come from the server: read them once they are loaded.
  await expect(view).toHaveAttribute('data-ready', 'true');
  const messages = view.getByTestId('resident-badge-messages');
  const before = Number(await messages.getAttribute('data-count'));

  // The head of the school sends an announcement through the API.
  const api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  expect(
    (await api.post('/api/auth/login', { data: { username: 'th.hieutruong', password: DEMO_PASSWORD } })).ok(),
  ).toBe(true);
  const people = await (await api.get(`/api/incoming/people?q=${encodeURIComponent('Huỳnh Văn Đức')}`)).json();
  const title = `Lịch trực tuần ${Date.now()}`;
  const sent = await api.post('/api/announcements', {
    data: {
      title,
      body: 'Thầy Đức trực trường sáng thứ Bảy.',
      fileIds: [],
      recipients: { userIds: [people[0].id], unitIds: [], groupIds: [] },
    },
  });
  expect(sent.status()).toBe(201);

  await expect(view.getByText(title)).toBeVisible();
  await expect(messages).toHaveAttribute('data-count', String(before + 1));
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { raisedAlerts: string[] }).raisedAlerts.length))
    .toBeGreaterThan(0);
  await view.getByRole('button', { name: 'Đánh dấu đã đọc hết' }).click();
  await expect(view.getByRole('button', { name: 'Đánh dấu đã đọc hết' })).toHaveCount(0);
  await api.dispose();
  await context.close();
});

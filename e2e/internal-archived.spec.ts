import { type Browser, expect, type Page, test } from '@playwright/test';
import { openFunction, signIn } from './fixtures';

/**
 * Internal and archived documents and their links, end to end. Users: th.hieutruong sends an
 * internal Tờ trình to th.gv1, who finds it in "Đã nhận" and opens it; mn.vanthu enters an
 * archived document with a PDF, finds it without diacritics, pins it, sees it under "Hay dùng",
 * and links a second document to it.
 */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

async function as(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

async function choose(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('an internal Tờ trình reaches a teacher, who finds it in "Đã nhận" and opens it', async ({ browser }) => {
  const subject = `Tờ trình mua sắm thiết bị dạy học lớp 1 – ${Date.now()}`;
  const head = await as(browser, 'th.hieutruong');
  await openFunction(head, 'Văn bản', 'internal-register');
  const form = head.getByTestId('internal-register-form');
  await choose(head, 'internal-type', 'Tờ trình');
  await expect(form.getByTestId('internal-number-preview')).toBeVisible();
  await form.getByTestId('internal-subject-input').fill(subject);
  await form.getByTestId('internal-content-input').fill('Kính trình Hội đồng trường xem xét danh mục thiết bị.');
  const people = form.getByTestId('internal-recipients-input');
  await people.click();
  await people.fill('huynh van duc');
  await head
    .getByRole('option', { name: /Huỳnh Văn Đức/ })
    .first()
    .click();
  await form.getByTestId('internal-save').click();
  await expect(form.getByTestId('internal-saved')).toBeVisible();
  await expect(head.getByTestId('internal-recent').getByText(subject)).toBeVisible();

  const teacher = await as(browser, 'th.gv1');
  await openFunction(teacher, 'Văn bản', 'internal-view');
  const row = teacher.getByTestId('internal-list-received').getByTestId('internal-row').filter({ hasText: subject });
  await expect(row).toHaveAttribute('data-unread', 'true');
  await row.click();
  const view = teacher.getByTestId('internal-view');
  await expect(view.getByTestId('internal-subject')).toHaveText(subject);
  await expect(view.getByTestId('internal-content')).toContainText('danh mục thiết bị');
  await teacher.getByTestId('internal-drawer').getByRole('button', { name: 'Đóng' }).first().click();
  await expect(row).not.toHaveAttribute('data-unread', 'true');

  await head.context().close();
  await teacher.context().close();
});

test('an archived document with a PDF is found without diacritics, pinned, and linked to another', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const stamp = Date.now();
  const subject = `Hướng dẫn thực hiện Điều lệ trường mầm non ${stamp}`;
  const second = `Kế hoạch triển khai Điều lệ trường mầm non tại trường ${stamp}`;
  const clerk = await as(browser, 'mn.vanthu');
  await openFunction(clerk, 'Văn bản', 'archived-register');
  const page = clerk.getByTestId('page-archived-register');
  await page.getByTestId('archived-subject').fill(subject);
  await page.getByTestId('archived-number').fill('15');
  await page.getByTestId('archived-notation').fill('hd-sgdđt');
  await page.getByTestId('file-drop-input').setInputFiles({
    name: 'huong-dan-dieu-le.pdf',
    mimeType: 'application/pdf',
    buffer: PDF,
  });
  await expect(page.getByTestId('file-drop-item')).toContainText('huong-dan-dieu-le.pdf');
  await page.getByTestId('archived-save').click();
  await expect(page.getByTestId('archived-saved')).toBeVisible();
  // A second document, to link to the first.
  await page.getByTestId('archived-subject').fill(second);
  await page.getByTestId('archived-save').click();
  await expect(page.getByTestId('archived-saved')).toContainText(second);

  // Found without diacritics; opened with its file; pinned.
  await openFunction(clerk, 'Văn bản', 'archived-search');
  const search = clerk.getByTestId('page-archived-search');
  await search.getByTestId('archived-search-q').fill(`huong dan thuc hien dieu le truong mam non ${stamp}`);
  await search.getByTestId('archived-search-submit').click();
  const results = search.getByTestId('archived-results').getByTestId('archived-row');
  await expect(results).toHaveCount(1);
  await results.first().click();
  const drawer = clerk.getByTestId('archived-drawer');
  await expect(drawer.getByTestId('archived-title')).toHaveText(subject);
  await expect(drawer.getByTestId('attachment-item')).toContainText('huong-dan-dieu-le.pdf');
  await expect(drawer.getByTestId('archived-preview')).toBeVisible();
  await drawer.getByTestId('archived-pin').click();
  await expect(drawer.getByTestId('archived-pin')).toHaveAttribute('data-pinned', 'true');
  await drawer.getByRole('button', { name: 'Đóng' }).first().click();
  await search.getByTestId('archived-tab-frequent').click();
  await expect(
    search.getByTestId('archived-pinned').getByTestId('archived-row').filter({ hasText: subject }),
  ).toBeVisible();

  // The second document implements the first: the link shows in both trees.
  await search.getByTestId('archived-tab-search').click();
  await search.getByTestId('archived-search-q').fill(`ke hoach trien khai dieu le ${stamp}`);
  await search.getByTestId('archived-search-submit').click();
  await search.getByTestId('archived-results').getByTestId('archived-row').first().click();
  await expect(drawer.getByTestId('archived-title')).toHaveText(second);
  await drawer.getByTestId('link-add').click();
  const modal = clerk.getByTestId('link-modal');
  await modal.getByTestId('link-search').fill(`huong dan thuc hien dieu le ${stamp}`);
  await modal.getByTestId('link-result').filter({ hasText: subject }).getByText(subject).click();
  await choose(clerk, 'link-relation-select', 'Thực hiện');
  await expect(modal.getByTestId('link-preview')).toContainText(`«Văn bản này» thực hiện «${subject}»`);
  await modal.getByTestId('link-submit').click();
  const node = drawer.getByTestId('link-tree').getByTestId('link-node').filter({ hasText: subject });
  await expect(node).toBeVisible();
  await expect(node.getByTestId('link-relation').first()).toHaveText('Được thực hiện');
  await clerk.context().close();
});

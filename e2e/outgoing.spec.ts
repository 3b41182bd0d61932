import { type Browser, expect, type Page, test } from '@playwright/test';
import { openFunction, signIn } from './fixtures';

/**
 * Outgoing documents end to end, each person in their own browser: a chuyên viên of the Phòng
 * drafts a Quyết định to two schools and submits it to the trưởng phòng, who signs it; the
 * Phòng's clerk issues it (number NN/QĐ-PGDĐT) and sends it; the primary school's clerk registers
 * it from "Văn bản điện tử đến"; the Phòng's clerk then sees "Đã vào sổ" for that school and
 * "Đã đến" for the kindergarten. Users: chuyenvien1, truongphong, vanthu, th.vanthu. Nobody is
 * given the document for information, so truongphong keeps empty boxes and badges.
 */
const SUBJECT = 'Quyết định về việc tổ chức Hội khỏe Phù Đổng cấp huyện năm học 2026-2027';
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const THAM = 'Trường Tiểu học An Minh';
const MNAM = 'Trường Mầm non An Minh';

async function as(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

/** Types into a searchable select and picks the option with this name (a person's option also shows their title). */
async function pick(page: Page, testId: string, typed: string, option: string | RegExp) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(typed);
  await page
    .getByRole('option', typeof option === 'string' ? { name: option, exact: true } : { name: option })
    .first()
    .click();
}

test('a decision goes from its drafter to the signer, is issued and sent, and a school registers it', async ({
  browser,
}) => {
  test.setTimeout(180_000);

  // 1. The chuyên viên drafts the decision to two schools and submits it to the trưởng phòng.
  const drafter = await as(browser, 'chuyenvien1');
  await openFunction(drafter, 'Văn bản', 'outgoing-register');
  const form = drafter.getByTestId('outgoing-draft-form');
  await pick(drafter, 'draft-type', 'quyet dinh', 'Quyết định');
  await form.getByTestId('draft-subject').fill(SUBJECT);
  await pick(drafter, 'draft-units', 'tieu hoc', THAM);
  await pick(drafter, 'draft-units', 'mam non', MNAM);
  await form.getByTestId('draft-recipients-fill').click();
  await expect(form.getByTestId('draft-recipients-text')).toHaveValue(new RegExp(`- ${THAM};`));
  await pick(drafter, 'draft-signer', 'tien', /Huỳnh Văn Tiến/);
  await form
    .locator('input[type="file"]')
    .setInputFiles({ name: 'qd-hoi-khoe-phu-dong.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(form.getByTestId('draft-files')).toContainText('qd-hoi-khoe-phu-dong.pdf');
  await form.getByTestId('draft-save-submit').click();
  await expect(form.getByTestId('draft-saved')).toHaveAttribute('data-status', 'in_review');

  // 2. The trưởng phòng finds it waiting for him and signs it; his box is then empty.
  const head = await as(browser, 'truongphong');
  await openFunction(head, 'Văn bản', 'outgoing-view');
  const boxes = head.getByTestId('page-outgoing-view');
  await boxes.getByTestId('outgoing-tab-review').click();
  await boxes.getByTestId('outgoing-box-review').getByText(SUBJECT).click();
  const headDrawer = head.getByTestId('outgoing-drawer');
  await expect(headDrawer.getByTestId('doc-subject')).toHaveText(SUBJECT);
  await expect(headDrawer.getByTestId('doc-files')).toContainText('qd-hoi-khoe-phu-dong.pdf');
  await headDrawer.getByTestId('outgoing-action-approve').click();
  await head.getByTestId('outgoing-modal-approve').getByTestId('action-submit').click();
  await expect(headDrawer.getByTestId('outgoing-view')).toHaveAttribute('data-status', 'signed');
  await head.keyboard.press('Escape');
  await expect(boxes.getByTestId('outgoing-box-review').getByText(SUBJECT)).toHaveCount(0);
  await expect(boxes.getByTestId('outgoing-count-review')).toHaveCount(0);

  // 3. The clerk issues it with the unit's next number, then sends it.
  const clerk = await as(browser, 'vanthu');
  await openFunction(clerk, 'Văn bản', 'outgoing-send');
  const send = clerk.getByTestId('page-outgoing-send');
  await send.getByTestId('outgoing-tab-toIssue').click();
  await send.getByTestId('outgoing-box-toIssue').getByText(SUBJECT).click();
  const drawer = clerk.getByTestId('outgoing-drawer');
  await drawer.getByTestId('outgoing-action-issue').click();
  const issue = clerk.getByTestId('outgoing-modal-issue');
  await expect(issue.getByTestId('issue-number')).toContainText(/\d{2}\/QĐ-PGDĐT/);
  await expect(issue.getByTestId('issue-signer-name')).toHaveValue('Huỳnh Văn Tiến');
  await issue.getByTestId('issue-send').uncheck();
  await issue.getByTestId('action-submit').click();
  await expect(clerk.getByText(/Đã phát hành: Số \d{2}\/QĐ-PGDĐT/)).toBeVisible();
  await expect(drawer.getByTestId('doc-code')).toHaveText(/Số \d{2}\/QĐ-PGDĐT/);
  const code = ((await drawer.getByTestId('doc-code').textContent()) ?? '').replace('Số ', '').trim();
  await expect(drawer.getByTestId('delivery-status')).toHaveText(['Chưa gửi', 'Chưa gửi']);
  await drawer.getByTestId('outgoing-action-send').click();
  await clerk.getByTestId('outgoing-modal-send').getByTestId('action-submit').click();
  await expect(drawer.getByTestId('delivery-status')).toHaveText(['Đã đến', 'Đã đến']);

  // 4. The primary school's clerk registers it from the electronic documents received.
  const school = await as(browser, 'th.vanthu');
  await openFunction(school, 'Văn bản', 'incoming-register');
  await school.getByTestId('register-tab-exchange').click();
  const item = school.getByTestId('inbox-item').filter({ hasText: SUBJECT });
  await expect(item).toContainText(code);
  await item.getByTestId('inbox-register').click();
  const modal = school.getByTestId('inbox-register-modal');
  await expect(modal.getByTestId('incoming-subject')).toHaveValue(SUBJECT);
  await expect(modal.getByTestId('inbox-files')).toContainText('qd-hoi-khoe-phu-dong.pdf');
  await modal.getByTestId('inbox-register-save').click();
  await expect(school.getByText(/Đã vào sổ: số đến \d{2}/)).toBeVisible();
  await expect(school.getByTestId('inbox-item').filter({ hasText: SUBJECT })).toHaveCount(0);

  // 5. Back at the Phòng, the clerk sees the receipts: registered by one school, arrived at the other.
  await clerk.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await openFunction(clerk, 'Văn bản', 'outgoing-search');
  const search = clerk.getByTestId('page-outgoing-search');
  await search.getByTestId('outgoing-search-q').fill('hoi khoe phu dong');
  await search.getByTestId('outgoing-search-results').getByText(SUBJECT).click();
  const found = clerk.getByTestId('outgoing-drawer');
  await expect(found.getByTestId('delivery-row').filter({ hasText: THAM }).getByTestId('delivery-status')).toHaveText(
    'Đã vào sổ',
  );
  await expect(found.getByTestId('delivery-row').filter({ hasText: MNAM }).getByTestId('delivery-status')).toHaveText(
    'Đã đến',
  );
});

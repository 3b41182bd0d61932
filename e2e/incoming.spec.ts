import { type Browser, expect, type Page, test } from '@playwright/test';
import { openFunction, signIn } from './fixtures';

/**
 * Incoming documents end to end, each person in their own browser: the clerk of THCS An Minh
 * registers a document with a PDF and presents it to the head; the head directs it to two
 * teachers (lead and co-handle); the lead finishes it; the clerk finds it by searching without
 * diacritics. Users: thcs.vanthu, thcs.hieutruong, thcs.gv1 (thcs.gv2 is only assigned).
 */
const SUBJECT = 'Kế hoạch tuyển sinh vào lớp 6 năm học 2027-2028 của Trường THCS An Minh';
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

/** Picks a person in a PersonPicker (type a name without diacritics, choose the option). */
async function pickPerson(page: Page, testId: string, typed: string, fullName: string) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(typed);
  await page
    .getByRole('option', { name: new RegExp(fullName) })
    .first()
    .click();
}

test('an incoming document goes from the clerk to the head to the teachers and is found again', async ({ browser }) => {
  test.setTimeout(120_000);
  // 1. The clerk registers it with a PDF and presents it to the head.
  const clerk = await as(browser, 'thcs.vanthu');
  await openFunction(clerk, 'Văn bản', 'incoming-register');
  const form = clerk.getByTestId('page-incoming-register');
  await expect(form.getByTestId('incoming-next-number')).toContainText('01');
  await form.getByTestId('incoming-organ').fill('Phòng Giáo dục và Đào tạo huyện An Minh');
  await form.getByTestId('incoming-type').click();
  await form.getByTestId('incoming-type').fill('Kế hoạch');
  await clerk.getByRole('option', { name: 'Kế hoạch', exact: true }).click();
  await form.getByTestId('incoming-code-number').fill('215');
  await form.getByTestId('incoming-code-notation').fill('kh-pgdđt');
  await expect(form.getByTestId('incoming-code-notation')).toHaveValue('KH-PGDĐT');
  await form.getByTestId('incoming-subject').fill(SUBJECT);
  await form
    .getByTestId('incoming-files')
    .locator('input[type="file"]')
    .setInputFiles({ name: 'ke-hoach-tuyen-sinh.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(form.getByTestId('incoming-files')).toContainText('ke-hoach-tuyen-sinh.pdf');
  await pickPerson(clerk, 'incoming-recipients', 'lam quoc bao', 'Lâm Quốc Bảo');
  await form.getByTestId('incoming-save').click();
  await expect(form.getByTestId('incoming-saved')).toContainText('01');

  // 2. The head finds it waiting for direction and directs it to two teachers with roles.
  const head = await as(browser, 'thcs.hieutruong');
  await openFunction(head, 'Văn bản', 'incoming-approve');
  const approve = head.getByTestId('page-incoming-approve');
  await approve.getByText(SUBJECT).first().click();
  const drawer = head.getByTestId('document-drawer');
  await expect(drawer.getByTestId('doc-subject')).toHaveText(SUBJECT);
  await expect(drawer.getByTestId('doc-files')).toContainText('ke-hoach-tuyen-sinh.pdf');
  await drawer.getByTestId('action-direct').click();
  const modal = head.getByTestId('action-modal-direct');
  await modal
    .getByTestId('direct-direction')
    .fill('Giao đồng chí Khoa chủ trì, đồng chí Tú phối hợp xây dựng kế hoạch.');
  await pickPerson(head, 'handler-person-0', 'trinh minh khoa', 'Trịnh Minh Khoa');
  await modal.getByTestId('handler-role-0').getByText('Chủ trì').click();
  await modal.getByTestId('handler-add').click();
  await pickPerson(head, 'handler-person-1', 'cam tu', 'Hồ Thị Cẩm Tú');
  await modal.getByTestId('handler-role-1').getByText('Phối hợp').click();
  await modal.getByTestId('action-submit').click();
  await expect(approve.getByText(SUBJECT)).toHaveCount(0);

  // 3. The lead teacher sees it to handle, finishes it, and the document is done.
  const lead = await as(browser, 'thcs.gv1');
  await openFunction(lead, 'Văn bản', 'incoming-view');
  const view = lead.getByTestId('page-incoming-view');
  await view.getByText(SUBJECT).first().click();
  const doc = lead.getByTestId('document-drawer');
  await expect(doc.getByTestId('handlers-list')).toContainText('Hồ Thị Cẩm Tú');
  await doc.getByTestId('action-complete').click();
  const done = lead.getByTestId('action-modal-complete');
  await done.getByTestId('complete-result').fill('Đã xây dựng kế hoạch tuyển sinh, trình Hiệu trưởng ký ban hành.');
  await done.getByTestId('action-submit').click();
  await expect(doc.getByTestId('document-view')).toHaveAttribute('data-status', 'done');

  // 4. The clerk finds it by searching without diacritics.
  await openFunction(clerk, 'Văn bản', 'incoming-search');
  const search = clerk.getByTestId('page-incoming-search');
  await search.getByTestId('incoming-search-q').fill('ke hoach tuyen sinh lop 6');
  await expect(search.getByText(SUBJECT)).toBeVisible();
  await expect(search.getByTestId('incoming-search-results')).toContainText('Hoàn thành');
});

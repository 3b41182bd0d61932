import { expect, test } from '@playwright/test';
import { openFunction, signIn } from './fixtures';

test('an announcement reaches the teachers live; reading it clears the badge and the sender sees "Đã đọc 1/2"', async ({
  browser,
}) => {
  const senderContext = await browser.newContext();
  const readerContext = await browser.newContext();
  const sender = await senderContext.newPage();
  const reader = await readerContext.newPage();
  const title = `Họp hội đồng sư phạm ${Date.now()}`;

  await signIn(reader, 'th.gv2');
  const badge = reader.getByTestId('badge-messages');
  await expect(badge).toHaveAttribute('data-count', '0');

  await signIn(sender, 'th.hieutruong');
  await openFunction(sender, 'Công việc', 'announcements');
  const form = sender.getByTestId('ann-compose');
  await form.getByTestId('ann-title').fill(title);
  await form.getByTestId('ann-body').fill('Kính mời quý thầy cô dự họp lúc 14 giờ chiều thứ Sáu tại phòng họp A.');
  const people = form.getByTestId('ann-people');
  for (const name of ['Huỳnh Văn Đức', 'Bùi Thị Ngọc Trâm']) {
    await people.fill(name);
    await sender.getByRole('option', { name }).click();
  }
  await form.getByTestId('ann-send').click();
  await expect(sender.getByText('Đã gửi thông báo tới 2 người.')).toBeVisible();
  const sent = sender.getByTestId('ann-sent-item').filter({ hasText: title });
  await expect(sent.getByTestId('ann-read-count')).toHaveText('Đã đọc 0/2');

  // The reader's counter changes without reloading (real-time push).
  await expect(badge).toHaveAttribute('data-count', '1');
  await badge.getByRole('button').click();
  const drawer = reader.getByRole('dialog', { name: 'Tin nhắn mới' });
  await expect(drawer).toBeVisible();
  const item = drawer.getByTestId('inbox-item').filter({ hasText: title });
  await expect(item).toHaveAttribute('data-unread', 'true');
  await item.getByTestId('inbox-item-toggle').click();
  await expect(item.getByTestId('inbox-item-body')).toContainText('phòng họp A');
  await expect(item).toHaveAttribute('data-unread', 'false');
  await expect(badge).toHaveAttribute('data-count', '0');

  await sender.reload();
  await expect(sender.getByTestId('ann-sent-item').filter({ hasText: title }).getByTestId('ann-read-count')).toHaveText(
    'Đã đọc 1/2',
  );
  await sender.getByTestId('ann-sent-item').filter({ hasText: title }).getByTestId('ann-receipts-open').click();
  const receipts = sender.getByTestId('ann-receipt-row');
  await expect(receipts).toHaveCount(2);
  await expect(receipts.first()).toContainText('Bùi Thị Ngọc Trâm');
  await expect(receipts.nth(1)).toContainText('Chưa đọc');

  await senderContext.close();
  await readerContext.close();
});

import { expect, test } from '@playwright/test';
import { openFunction, signIn } from './fixtures';

/**
 * A clerk of the kindergarten reads an edXML package an outside organ sent (QCVN 102:2016, with
 * the official "Bussiness" spelling): the entry form is filled from it with its attachment, and
 * the document is registered. User: mn.vanthu.
 */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const SUBJECT = 'Hướng dẫn tổ chức Ngày hội đọc sách năm 2026';
const PACKAGE = `<?xml version="1.0" encoding="UTF-8"?>
<edXML:edXML xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">
  <edXML:edXMLEnvelope>
    <edXML:edXMLHeader>
      <edXML:MessageHeader>
        <edXML:From><edXML:OrganId>000.00.00.H33</edXML:OrganId><edXML:OrganName>Sở Văn hóa và Thể thao tỉnh Kiên Giang</edXML:OrganName></edXML:From>
        <edXML:Code><edXML:CodeNumber>45</edXML:CodeNumber><edXML:CodeNotation>HD-SVHTT</edXML:CodeNotation></edXML:Code>
        <edXML:PromulgationInfo><edXML:Place>Rạch Giá</edXML:Place><edXML:PromulgationDate>2026/11/20</edXML:PromulgationDate></edXML:PromulgationInfo>
        <edXML:DocumentType><edXML:Type>2</edXML:Type><edXML:TypeName>Hướng dẫn</edXML:TypeName></edXML:DocumentType>
        <edXML:Subject>${SUBJECT}</edXML:Subject>
        <edXML:SignerInfo><edXML:Competence>KT. GIÁM ĐỐC</edXML:Competence><edXML:Position>Phó Giám đốc</edXML:Position><edXML:FullName>Nguyễn Văn Hòa</edXML:FullName></edXML:SignerInfo>
        <edXML:OtherInfo><edXML:Priority>0</edXML:Priority><edXML:PageAmount>2</edXML:PageAmount></edXML:OtherInfo>
      </edXML:MessageHeader>
      <edXML:TraceHeaderList><edXML:Bussiness><edXML:BussinessDocType>0</edXML:BussinessDocType></edXML:Bussiness></edXML:TraceHeaderList>
    </edXML:edXMLHeader>
  </edXML:edXMLEnvelope>
  <edXML:AttachmentEncoded>
    <edXML:Attachment>
      <edXML:ContentId>cid:1</edXML:ContentId>
      <edXML:AttachmentName>huong-dan-ngay-hoi-doc-sach.pdf</edXML:AttachmentName>
      <edXML:ContentType>application/pdf</edXML:ContentType>
      <edXML:Value>${PDF.toString('base64')}</edXML:Value>
    </edXML:Attachment>
  </edXML:AttachmentEncoded>
</edXML:edXML>`;

test('a clerk reads an outside organ’s edXML package into the entry form and registers it', async ({ page }) => {
  await signIn(page, 'mn.vanthu');
  await openFunction(page, 'Văn bản', 'incoming-register');
  const form = page.getByTestId('page-incoming-register');
  await form
    .getByTestId('edxml-import')
    .locator('..')
    .locator('input[type="file"]')
    .setInputFiles({ name: 'goi-van-ban.xml', mimeType: 'application/xml', buffer: Buffer.from(PACKAGE) });
  await expect(page.getByText('Đã đọc gói edXML (1 tệp đính kèm)')).toBeVisible();
  await expect(form.getByTestId('incoming-organ')).toHaveValue('Sở Văn hóa và Thể thao tỉnh Kiên Giang');
  await expect(form.getByTestId('incoming-code-number')).toHaveValue('45');
  await expect(form.getByTestId('incoming-code-notation')).toHaveValue('HD-SVHTT');
  await expect(form.getByTestId('incoming-subject')).toHaveValue(SUBJECT);
  await expect(form.getByTestId('incoming-files')).toContainText('huong-dan-ngay-hoi-doc-sach.pdf');
  await form.getByTestId('incoming-save').click();
  await expect(form.getByTestId('incoming-saved')).toBeVisible();

  // Something that is not an edXML package is refused with a clear message and fills nothing.
  await form
    .getByTestId('edxml-import')
    .locator('..')
    .locator('input[type="file"]')
    .setInputFiles({ name: 'khong-phai.xml', mimeType: 'application/xml', buffer: Buffer.from('<html></html>') });
  await expect(page.getByText('Tệp này không phải gói edXML (QCVN 102:2016).')).toBeVisible();
});

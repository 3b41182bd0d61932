import { describe, expect, it } from 'vitest';
import { buildEdxml, EDXML_NS, edxmlTimestamp, parseEdxml } from './edxml';

const organ = (name: string, id: string) => ({
  organId: id,
  organizationInCharge: 'UBND huyện An Minh',
  organName: name,
  organAdd: 'Thị trấn Thứ Mười Một',
  email: 'pgddt@anminh.edu.vn',
  telephone: '0297 3866 123',
});

const sample = () =>
  buildEdxml({
    from: organ('Phòng Giáo dục và Đào tạo huyện An Minh', '000.00.31.H33'),
    to: [organ('Sở Giáo dục và Đào tạo tỉnh Kiên Giang', '000.00.00.H33')],
    at: new Date('2026-11-25T02:30:00Z'),
    files: [{ name: 'Quyết định 15.pdf', mime: 'application/pdf', data: Buffer.from('%PDF-1.4 nội dung') }],
    doc: {
      codeNumber: '15',
      codeNotation: 'QĐ-PGDĐT',
      place: 'An Minh',
      promulgationDate: '2026-11-25',
      typeName: 'Quyết định',
      typeDetail: 'QĐ',
      subject: 'Quyết định công nhận trường đạt chuẩn & "xanh - sạch - đẹp"',
      content: '',
      signer: { competence: 'KT. TRƯỞNG PHÒNG', position: 'Phó Trưởng phòng', fullName: 'Trần Minh Quang' },
      dueDate: '2026-12-05',
      toPlaces: ['Sở Giáo dục và Đào tạo tỉnh Kiên Giang'],
      priority: 1,
      promulgationAmount: 3,
      pageAmount: 2,
      business: 0,
    },
  });

describe('edXML (QCVN 102:2016)', () => {
  it('writes the namespace, DocumentId, dates as yyyy/MM/dd and the timestamp in Vietnam time', () => {
    const xml = sample();
    expect(xml).toContain(EDXML_NS);
    expect(xml).toContain('<edXML:DocumentId>000.00.31.H33,2026/11/25,15/QĐ-PGDĐT</edXML:DocumentId>');
    expect(xml).toContain('<edXML:PromulgationDate>2026/11/25</edXML:PromulgationDate>');
    expect(xml).toContain('<edXML:Timestamp>2026/11/25 09:30:00</edXML:Timestamp>');
    expect(xml).toContain('<edXML:BussinessDocType>0</edXML:BussinessDocType>');
    expect(edxmlTimestamp(new Date('2026-12-31T17:00:00Z'))).toBe('2027/01/01 00:00:00');
  });

  it('reads back what it wrote, escaping included', () => {
    const p = parseEdxml(sample());
    expect(p).toMatchObject({
      from: { organId: '000.00.31.H33', organName: 'Phòng Giáo dục và Đào tạo huyện An Minh' },
      codeNumber: '15',
      codeNotation: 'QĐ-PGDĐT',
      promulgationDate: '2026-11-25',
      typeName: 'Quyết định',
      subject: 'Quyết định công nhận trường đạt chuẩn & "xanh - sạch - đẹp"',
      signer: { competence: 'KT. TRƯỞNG PHÒNG', position: 'Phó Trưởng phòng', fullName: 'Trần Minh Quang' },
      dueDate: '2026-12-05',
      priority: 1,
      pageAmount: 2,
      business: 0,
    });
    expect(p.files[0].name).toBe('Quyết định 15.pdf');
    expect(p.files[0].data.toString()).toBe('%PDF-1.4 nội dung');
  });

  it('accepts the "Business" spelling and packages without a prefix', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
      <edXML xmlns="${EDXML_NS}"><edXMLEnvelope><edXMLHeader>
        <MessageHeader><From><OrganId>X</OrganId><OrganName>Sở Nội vụ</OrganName></From>
          <Code><CodeNumber>7</CodeNumber><CodeNotation>TB-SNV</CodeNotation></Code>
          <Subject>Thông báo</Subject></MessageHeader>
        <TraceHeaderList><Business><BusinessDocType>3</BusinessDocType></Business></TraceHeaderList>
      </edXMLHeader></edXMLEnvelope></edXML>`;
    const p = parseEdxml(xml);
    expect(p).toMatchObject({ codeNumber: '7', codeNotation: 'TB-SNV', business: 3, files: [] });
  });

  it('refuses what is not an edXML package', () => {
    expect(() => parseEdxml('<html><body>x</body></html>')).toThrow(/MessageHeader/);
  });
});

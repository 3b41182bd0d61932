import { describe, expect, it } from 'vitest';
import { cleanFileName } from './files.service';
import { contentDisposition, docxToHtmlPage, previewKind } from './present';
import { minimalDocx } from './files.fixtures';

describe('previewKind', () => {
  it('shows PDF and JPG/PNG in the browser, DOCX as HTML, the rest as downloads', () => {
    expect(previewKind('pdf')).toBe('pdf');
    expect(previewKind('jpg')).toBe('image');
    expect(previewKind('png')).toBe('image');
    expect(previewKind('docx')).toBe('html');
    for (const ext of ['tif', 'xlsx', 'doc', 'xls', 'exe']) expect(previewKind(ext)).toBe('none');
  });
});

describe('contentDisposition', () => {
  it('gives the UTF-8 name per RFC 5987 and a folded ASCII fallback', () => {
    expect(contentDisposition('attachment', 'Đề án "số 1" (bản cuối).docx')).toBe(
      `attachment; filename="De an _so 1_ (ban cuoi).docx"; filename*=UTF-8''%C4%90%E1%BB%81%20%C3%A1n%20%22s%E1%BB%91%201%22%20%28b%E1%BA%A3n%20cu%E1%BB%91i%29.docx`,
    );
    expect(contentDisposition('inline', "it's*.pdf")).toBe(
      `inline; filename="it's*.pdf"; filename*=UTF-8''it%27s%2A.pdf`,
    );
  });
});

describe('cleanFileName', () => {
  it('keeps the last path part, in NFC, without control characters', () => {
    expect(cleanFileName('C:\\fakepath\\Tờ trình.pdf'.normalize('NFD'))).toBe('Tờ trình.pdf'.normalize('NFC'));
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName(' a\u0000b\r\n.pdf ')).toBe('ab.pdf');
  });

  it('cuts a long name to 255 characters and keeps its extension', () => {
    const name = cleanFileName(`${'Quyết định '.repeat(40)}.docx`);
    expect(Array.from(name)).toHaveLength(255);
    expect(name.endsWith('.docx')).toBe(true);
  });
});

describe('docxToHtmlPage', () => {
  it('wraps the converted text in a Vietnamese page with an escaped title', async () => {
    const html = await docxToHtmlPage(minimalDocx(['Xin chào Việt Nam']), '<Kế hoạch>.docx');
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<title>&lt;Kế hoạch&gt;.docx</title>');
    expect(html).toContain('<p>Xin chào Việt Nam</p>');
  });
});

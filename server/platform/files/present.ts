import mammoth from 'mammoth';
import type { TFileRef } from '../../../contracts/files';
import { foldDiacritics } from '../../../contracts/text';

/** How the browser can show a file of this type: pdf, image (jpg, png), html (docx), none. */
export function previewKind(ext: string): TFileRef['preview'] {
  switch (ext) {
    case 'pdf':
      return 'pdf';
    case 'jpg':
    case 'png':
      return 'image';
    case 'docx':
      return 'html';
    default:
      return 'none';
  }
}

/** RFC 5987 value: UTF-8, percent-encoded, with the characters encodeURIComponent leaves alone. */
function encode5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Content-Disposition with the real (Vietnamese) name as `filename*` and an ASCII fallback
 * (diacritics folded, anything else replaced) for old clients.
 */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = foldDiacritics(name)
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encode5987(name)}`;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `
  html { background: #f3f4f6; }
  body { box-sizing: border-box; max-width: 52rem; margin: 0 auto; padding: 2.5rem 3rem; background: #fff;
    min-height: 100vh; color: #1f2328; font: 16px/1.6 'Times New Roman', Tinos, 'Liberation Serif', 'Noto Serif', serif;
    overflow-wrap: break-word; }
  @media (max-width: 40rem) { body { padding: 1.25rem 1rem; font-size: 15px; } }
  h1, h2, h3, h4 { line-height: 1.3; margin: 1.2em 0 0.5em; }
  p { margin: 0 0 0.6em; text-align: justify; }
  img { max-width: 100%; height: auto; }
  table { border-collapse: collapse; margin: 0.8em 0; max-width: 100%; }
  td, th { border: 1px solid #9ca3af; padding: 0.25em 0.5em; vertical-align: top; }
  td p, th p { margin: 0; text-align: left; }
  a { color: inherit; }
`;

/** A DOCX converted to a self-contained HTML page (images inline as data: URIs). */
export async function docxToHtmlPage(docx: Buffer, title: string): Promise<string> {
  const { value } = await mammoth.convertToHtml({ buffer: docx }, { externalFileAccess: false });
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${value}
</body>
</html>
`;
}

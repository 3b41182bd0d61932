import { fileURLToPath } from 'node:url';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';

/** The committed font folder, found from this file so the server may start from any directory. */
const FONT_DIR = fileURLToPath(new URL('../../assets/fonts/', import.meta.url));

/** Family name documents use: Tinos, metric-compatible with Times New Roman, full Vietnamese. */
export const SERIF = 'Tinos';

function fonts(): TFontDictionary {
  // A fresh object per document: pdfmake rewrites the descriptors it is given while resolving them.
  return {
    [SERIF]: {
      normal: `${FONT_DIR}Tinos-Regular.ttf`,
      bold: `${FONT_DIR}Tinos-Bold.ttf`,
      italics: `${FONT_DIR}Tinos-Italic.ttf`,
      bolditalics: `${FONT_DIR}Tinos-BoldItalic.ttf`,
    },
  };
}

/**
 * Lays out and renders a pdfmake document to a PDF buffer. The pdfmake module is one shared
 * instance, so fonts and access policies are set right before each (synchronous) createPdf call:
 * documents never fetch URLs and read no local file but the fonts.
 */
export function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  pdfmake.setFonts(fonts());
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONT_DIR));
  return pdfmake.createPdf(doc).getBuffer();
}

import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';

/** The regular face the register's cells are printed in (server/assets/fonts, as pdf.ts uses it). */
const REGULAR = fileURLToPath(new URL('../../../assets/fonts/Tinos-Regular.ttf', import.meta.url));

/**
 * Line breaking of register cells done once, here, with the font's own advance widths: pdfmake
 * then lays out one unbreakable piece per line instead of one per word, which makes a register
 * of 10,000 rows about a quarter faster. Widths of words are cached (registers repeat the same
 * organs, names and dates on every row).
 */
export class TextWrapper {
  private readonly widths = new Map<string, number>();
  private readonly doc: PDFKit.PDFDocument;
  private readonly space: number;

  constructor(readonly fontSize: number) {
    this.doc = new PDFDocument({ autoFirstPage: false, compress: false });
    this.doc.font(REGULAR).fontSize(fontSize);
    this.space = this.width(' ');
  }

  /** Advance width of a piece of text in points. */
  width(text: string): number {
    let w = this.widths.get(text);
    if (w === undefined) {
      w = this.doc.widthOfString(text);
      this.widths.set(text, w);
    }
    return w;
  }

  /**
   * The lines of a text in a column `width` points wide: words are kept whole where they fit;
   * a word longer than the line breaks after "/" or "-" (as in 125/KH-SGDĐT), or anywhere as a
   * last resort. Line breaks in the text are kept.
   */
  wrap(text: string, width: number): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split(/\r?\n/)) {
      let line = '';
      let lineWidth = 0;
      for (const word of paragraph.split(' ').filter((w) => w !== '')) {
        for (const piece of this.pieces(word, width)) {
          const w = this.width(piece.text);
          const gap = line === '' || piece.glued ? 0 : this.space;
          if (line !== '' && lineWidth + gap + w > width) {
            lines.push(line);
            line = piece.text;
            lineWidth = w;
          } else {
            line += gap ? ` ${piece.text}` : piece.text;
            lineWidth += gap + w;
          }
        }
      }
      lines.push(line);
    }
    return lines;
  }

  /** A word as pieces that fit a line: itself, or its parts after "/" and "-" glued to each other. */
  private pieces(word: string, width: number): { text: string; glued: boolean }[] {
    if (this.width(word) <= width) return [{ text: word, glued: false }];
    const parts = word.split(/(?<=[/-])/);
    const out: { text: string; glued: boolean }[] = [];
    for (const [i, part] of parts.entries()) {
      if (this.width(part) <= width) out.push({ text: part, glued: i > 0 });
      else {
        // No break point narrow enough: cut by characters.
        let chunk = '';
        for (const ch of Array.from(part)) {
          if (chunk && this.width(chunk + ch) > width) {
            out.push({ text: chunk, glued: out.length > 0 });
            chunk = ch;
          } else chunk += ch;
        }
        if (chunk) out.push({ text: chunk, glued: out.length > 0 });
      }
    }
    return out;
  }
}

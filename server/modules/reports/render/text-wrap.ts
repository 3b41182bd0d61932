import PDFDocument from 'pdfkit';

/**
 * Line breaking of register cells with the font's own advance widths (the same fontkit metrics
 * pdfkit draws with). Widths are cached per word: registers repeat the same organs, names and
 * dates on every row, so 10,000 rows measure only a few thousand distinct words.
 */
export class TextWrapper {
  private readonly widths = new Map<string, number>();
  private readonly doc: PDFKit.PDFDocument;
  private readonly space: number;

  constructor(fontFile: string, fontSize: number) {
    this.doc = new PDFDocument({ autoFirstPage: false, compress: false, font: fontFile });
    this.doc.fontSize(fontSize);
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

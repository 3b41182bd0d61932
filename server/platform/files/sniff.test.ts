import { describe, expect, it } from 'vitest';
import {
  minimalDocx,
  minimalXlsx,
  SAMPLE_EXE,
  SAMPLE_JPG,
  SAMPLE_PNG,
  SAMPLE_TIF,
  sampleOle,
  samplePdf,
  storedZip,
} from './files.fixtures';
import { centralEntryNames, declaredExt, findCentralDirectory, localEntryNames, sniffFile } from './sniff';

/** Names in a ZIP buffer read through its central directory, as the service does on disk. */
function namesOf(zip: Buffer): string[] {
  const cd = findCentralDirectory(zip.subarray(Math.max(0, zip.length - 65_557)));
  if (!cd) throw new Error('no central directory');
  return centralEntryNames(zip.subarray(cd.offset, cd.offset + cd.size));
}

describe('sniffFile', () => {
  it('recognises PDF, PNG, JPEG and both TIFF byte orders by their first bytes', () => {
    expect(sniffFile(samplePdf())).toEqual({ ext: 'pdf', mime: 'application/pdf' });
    expect(sniffFile(SAMPLE_PNG)).toEqual({ ext: 'png', mime: 'image/png' });
    expect(sniffFile(SAMPLE_JPG)).toEqual({ ext: 'jpg', mime: 'image/jpeg' });
    expect(sniffFile(SAMPLE_TIF)?.ext).toBe('tif');
    expect(sniffFile(Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]))?.mime).toBe('image/tiff');
  });

  it('accepts a PDF header after a little junk, as readers do', () => {
    const junk = Buffer.concat([Buffer.from('\r\n\r\n'), samplePdf()]);
    expect(sniffFile(junk)?.ext).toBe('pdf');
  });

  it('tells DOCX from XLSX by the ZIP entries, and refuses another ZIP', () => {
    const docx = minimalDocx(['Xin chào']);
    expect(sniffFile(docx, { zipEntries: namesOf(docx) })?.ext).toBe('docx');
    const xlsx = minimalXlsx();
    expect(sniffFile(xlsx, { zipEntries: namesOf(xlsx) })).toEqual({
      ext: 'xlsx',
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    const other = storedZip([{ name: 'readme.txt', data: 'hello' }]);
    expect(sniffFile(other, { zipEntries: namesOf(other) })).toBeNull();
  });

  it('falls back to the local headers when no entry list is given', () => {
    const docx = minimalDocx(['Một đoạn']);
    expect(localEntryNames(docx)).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
    expect(sniffFile(docx)?.ext).toBe('docx');
  });

  it('takes doc or xls of an OLE2 file from the declared extension, else from its stream names', () => {
    const ole = sampleOle('WordDocument');
    expect(sniffFile(ole, { declaredExt: 'xls' })?.ext).toBe('xls');
    expect(sniffFile(ole, { declaredExt: 'doc' })?.mime).toBe('application/msword');
    expect(sniffFile(ole, { declaredExt: 'pdf' })?.ext).toBe('doc');
    expect(sniffFile(sampleOle('Workbook'), { declaredExt: '' })?.ext).toBe('xls');
    expect(sniffFile(sampleOle('WordDocument').subarray(0, 512), { declaredExt: 'msg' })).toBeNull();
  });

  it('returns null for executables, text and empty content', () => {
    expect(sniffFile(SAMPLE_EXE)).toBeNull();
    expect(sniffFile(Buffer.from('<html><script>alert(1)</script></html>'))).toBeNull();
    expect(sniffFile(Buffer.alloc(0))).toBeNull();
  });
});

describe('zip directory', () => {
  it('finds the central directory behind a ZIP comment', () => {
    const zip = minimalDocx(['a']);
    const comment = Buffer.from('comment');
    const withComment = Buffer.from(zip);
    withComment.writeUInt16LE(comment.length, withComment.length - 2);
    const full = Buffer.concat([withComment, comment]);
    expect(namesOf(full)).toContain('word/document.xml');
  });

  it('answers null for bytes without an end record', () => {
    expect(findCentralDirectory(Buffer.alloc(100))).toBeNull();
  });
});

describe('declaredExt', () => {
  it('folds aliases and case', () => {
    expect(declaredExt('Ảnh.JPEG')).toBe('jpg');
    expect(declaredExt('scan.TIFF')).toBe('tif');
    expect(declaredExt('quyet-dinh.pdf')).toBe('pdf');
    expect(declaredExt('noext')).toBe('');
    expect(declaredExt('.hidden')).toBe('');
    expect(declaredExt('dot.')).toBe('');
  });
});

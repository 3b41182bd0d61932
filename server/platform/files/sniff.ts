import type { UPLOAD_FILE_TYPES } from '../../../contracts/settings';

/**
 * Decides what a file really is from its bytes, never from the name or the browser's
 * Content-Type: an upload named `.pdf` that is a PNG, or an executable renamed `.docx`, must be
 * caught before anyone downloads it.
 */

/** A type an upload may have (the values of the `upload.allowedTypes` setting). */
export type FileExt = (typeof UPLOAD_FILE_TYPES)[number];

export interface SniffedType {
  ext: FileExt;
  mime: string;
}

/** MIME type served for each extension. */
export const MIME_BY_EXT: Record<FileExt, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  jpg: 'image/jpeg',
  png: 'image/png',
  tif: 'image/tiff',
};

/** How many bytes of the start of a file the sniffer wants. */
export const SNIFF_HEAD_BYTES = 64 * 1024;

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const PDF = Buffer.from('%PDF-', 'latin1');
const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_END = 0x06054b50;

const typed = (ext: FileExt): SniffedType => ({ ext, mime: MIME_BY_EXT[ext] });

/** The extension of a file name, lower case, with the usual aliases folded (jpeg → jpg, tiff → tif). */
export function declaredExt(filename: string): string {
  const dot = filename.lastIndexOf('.');
  if (dot <= 0 || dot === filename.length - 1) return '';
  const ext = filename.slice(dot + 1).toLowerCase();
  if (ext === 'jpeg' || ext === 'jpe') return 'jpg';
  if (ext === 'tiff') return 'tif';
  return ext;
}

/** True when the bytes start like a ZIP archive (DOCX and XLSX are ZIP files). */
export function isZip(head: Buffer): boolean {
  return head.length >= 4 && head.readUInt32LE(0) === ZIP_LOCAL;
}

/**
 * The type of a file from its first bytes (`head`, up to SNIFF_HEAD_BYTES). For a ZIP, pass the
 * names of its entries (`zipEntries`, from the central directory); for an OLE2 compound file
 * (old Word/Excel), the declared extension decides between doc and xls, with the stream names
 * as evidence when the extension is neither. Null when the content is none of the known types.
 */
export function sniffFile(
  head: Buffer,
  opts: { declaredExt?: string; zipEntries?: readonly string[] } = {},
): SniffedType | null {
  if (head.subarray(0, PDF.length).equals(PDF)) return typed('pdf');
  if (head.subarray(0, PNG.length).equals(PNG)) return typed('png');
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return typed('jpg');
  const sig = head.subarray(0, 4).toString('latin1');
  if (sig === 'II*\0' || sig === 'MM\0*') return typed('tif');
  if (head.subarray(0, OLE2.length).equals(OLE2)) return sniffOle(head, opts.declaredExt);
  if (isZip(head)) {
    const names = opts.zipEntries ?? localEntryNames(head);
    if (names.includes('word/document.xml')) return typed('docx');
    if (names.includes('xl/workbook.xml')) return typed('xlsx');
    return null;
  }
  // Acrobat accepts the header anywhere in the first 1024 bytes; some scanners prepend junk.
  if (head.subarray(0, 1024).indexOf(PDF) > 0) return typed('pdf');
  return null;
}

const utf16 = (s: string) => Buffer.from(s, 'utf16le');

function sniffOle(head: Buffer, declared?: string): SniffedType | null {
  if (declared === 'doc' || declared === 'xls') return typed(declared);
  // Stream names live in the directory sectors, UTF-16LE; in small files they are near the start.
  if (head.indexOf(utf16('WordDocument')) >= 0) return typed('doc');
  if (head.indexOf(utf16('Workbook')) >= 0 || head.indexOf(utf16('Book')) >= 0) return typed('xls');
  return null;
}

/** Where a ZIP's central directory is, read from the end-of-central-directory record. */
export interface CentralDirectory {
  offset: number;
  size: number;
}

/**
 * Finds the end-of-central-directory record in the last bytes of a ZIP (`tail`, at most 64 KiB
 * + 22 bytes: the record plus the longest comment). Null when there is none or it is ZIP64.
 */
export function findCentralDirectory(tail: Buffer): CentralDirectory | null {
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== ZIP_END) continue;
    const size = tail.readUInt32LE(i + 12);
    const offset = tail.readUInt32LE(i + 16);
    if (size === 0xffffffff || offset === 0xffffffff) return null;
    return { offset, size };
  }
  return null;
}

/** Entry names of a central directory (the bytes at CentralDirectory.offset, of its size). */
export function centralEntryNames(dir: Buffer): string[] {
  const names: string[] = [];
  let p = 0;
  while (p + 46 <= dir.length && dir.readUInt32LE(p) === ZIP_CENTRAL) {
    const nameLen = dir.readUInt16LE(p + 28);
    const extraLen = dir.readUInt16LE(p + 30);
    const commentLen = dir.readUInt16LE(p + 32);
    const end = p + 46 + nameLen;
    if (end > dir.length) break;
    names.push(dir.subarray(p + 46, end).toString('utf8'));
    p = end + extraLen + commentLen;
  }
  return names;
}

/**
 * Entry names found by walking the local headers from the start: the fallback when the central
 * directory cannot be read. Stops at an entry whose size is only known after its data.
 */
export function localEntryNames(head: Buffer): string[] {
  const names: string[] = [];
  let p = 0;
  while (p + 30 <= head.length && head.readUInt32LE(p) === ZIP_LOCAL) {
    const flags = head.readUInt16LE(p + 6);
    const compressed = head.readUInt32LE(p + 18);
    const nameLen = head.readUInt16LE(p + 26);
    const extraLen = head.readUInt16LE(p + 28);
    if (p + 30 + nameLen > head.length) break;
    names.push(head.subarray(p + 30, p + 30 + nameLen).toString('utf8'));
    if (flags & 0x08) break;
    p += 30 + nameLen + extraLen + compressed;
  }
  return names;
}

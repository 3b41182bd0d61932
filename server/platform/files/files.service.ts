import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyReply } from 'fastify';
import type { TFileRef } from '../../../contracts/files';
import type { Audit } from '../audit/audit.repository';
import type { RequestContext } from '../authz/actor';
import type { Clock } from '../clock';
import type { TxRunner } from '../db/tx';
import { AppError, notFound } from '../errors';
import type { SettingsService } from '../settings/settings.service';
import type { FileStore } from './file-store';
import type { FileRow, FilesRepository } from './files.repository';
import { contentDisposition, docxToHtmlPage, previewKind } from './present';
import {
  centralEntryNames,
  declaredExt,
  type FileExt,
  findCentralDirectory,
  isZip,
  MIME_BY_EXT,
  SNIFF_HEAD_BYTES,
  sniffFile,
} from './sniff';

export { previewKind } from './present';

/** One file part of a multipart request (`truncated` is set by the parser past its hard cap). */
export interface UploadPart {
  filename: string;
  file: Readable & { truncated?: boolean };
}

export interface FileServiceDeps {
  tx: TxRunner;
  files: FilesRepository;
  store: FileStore;
  settings: SettingsService;
  audit: Audit;
  clock: Clock;
  /** Where uploads are written while they arrive (same disk as a local store, for a cheap rename). */
  tmpDir: string;
}

const MB = 1024 * 1024;
/** Multipart parser's cap, the largest `upload.maxFileMb` allows (200 MB). */
export const UPLOAD_HARD_CAP_BYTES = 200 * MB;
const MAX_NAME = 255;
/** DOCX previews are converted in memory: a larger file is offered as a download only. */
const PREVIEW_MAX_MB = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CACHE = 'private, max-age=3600';

/** The file name as stored: NFC, no folders, no control characters, at most 255 characters. */
export function cleanFileName(raw: string): string {
  const base = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we strip
  const name = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  const chars = Array.from(name);
  if (chars.length <= MAX_NAME) return name;
  const ext = declaredExt(name);
  const keep = ext ? Array.from(name.slice(name.lastIndexOf('.'))) : [];
  return chars.slice(0, MAX_NAME - keep.length).join('') + keep.join('');
}

function toRef(row: FileRow): TFileRef {
  return { id: row.id, name: row.name, mime: row.mime, size: row.size, preview: previewKind(row.ext) };
}

/** Strong ETag of a stored content (plus a variant suffix for derived views). */
const etagOf = (sha256: string, variant = '') => `"${sha256}${variant}"`;

function matchesEtag(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const values = (Array.isArray(header) ? header.join(',') : header).split(',').map((v) => v.trim());
  return values.some((v) => v === '*' || v.replace(/^W\//, '') === etag);
}

/**
 * The file platform: receives uploads (size limit, real type from the content, stored once by
 * SHA-256), attaches them to records of the modules, and serves them back with safe headers.
 * Modules decide who may read a record; they then call `isAttachedTo` and `send`.
 */
export class FileService {
  constructor(private readonly d: FileServiceDeps) {}

  /** The upload limits in force, for the upload form's hint and its checks before sending. */
  async limits(): Promise<{ maxFileMb: number; allowedTypes: FileExt[] }> {
    const [maxFileMb, allowedTypes] = await Promise.all([
      this.d.settings.get('upload.maxFileMb'),
      this.d.settings.get('upload.allowedTypes'),
    ]);
    return { maxFileMb, allowedTypes: [...allowedTypes] };
  }

  /** How the browser can show a file of this type. */
  previewKind(ext: string): TFileRef['preview'] {
    return previewKind(ext);
  }

  /**
   * Stores one uploaded file for the signed-in person. Refuses, keeping nothing: over
   * `upload.maxFileMb` (FILE_TOO_LARGE), unknown content or a type not in `upload.allowedTypes`
   * (FILE_TYPE_NOT_ALLOWED), a name whose extension says another type (FILE_CONTENT_MISMATCH).
   */
  async upload(ctx: RequestContext, part: UploadPart): Promise<TFileRef> {
    const userId = ctx.actor?.userId;
    if (!userId) throw new AppError('UNAUTHENTICATED');
    const [maxMb, allowed] = await Promise.all([
      this.d.settings.get('upload.maxFileMb'),
      this.d.settings.get('upload.allowedTypes'),
    ]);
    await mkdir(this.d.tmpDir, { recursive: true });
    const temp = path.join(this.d.tmpDir, `${randomUUID()}.part`);
    try {
      const got = await this.receive(part.file, temp, maxMb * MB);
      if (got.tooLarge || part.file.truncated) throw new AppError('FILE_TOO_LARGE', { details: { maxMb } });
      let name = cleanFileName(part.filename);
      const declared = declaredExt(name);
      const zipEntries = isZip(got.head) ? await readZipEntryNames(temp, got.size) : undefined;
      const type = sniffFile(got.head, { declaredExt: declared, zipEntries });
      if (!type || !(allowed as readonly string[]).includes(type.ext)) {
        throw new AppError('FILE_TYPE_NOT_ALLOWED', { details: { allowedTypes: allowed } });
      }
      if (declared === '') name = cleanFileName(`${name || 'tep-dinh-kem'}.${type.ext}`);
      else if (declared !== type.ext) {
        throw new AppError('FILE_CONTENT_MISMATCH', { details: { declared, actual: type.ext } });
      }
      await this.d.store.put(temp, got.sha256);
      const row = await this.d.tx.transaction(async () => {
        const created = await this.d.files.insert(
          { sha256: got.sha256, name, ext: type.ext, mime: type.mime, size: got.size, uploadedBy: userId },
          this.d.clock.now(),
        );
        await this.d.audit.record(ctx, {
          action: 'file.upload',
          entityType: 'file',
          entityId: created.id,
          after: { name, ext: type.ext, size: got.size, sha256: got.sha256 },
        });
        return created;
      });
      return toRef(row);
    } finally {
      await rm(temp, { force: true });
    }
  }

  /**
   * Attaches uploads to a record, after the ones it has, in the given order. Call it inside the
   * transaction that saves the record. Every id must be a file the signed-in person uploaded and
   * that is attached nowhere yet; otherwise VALIDATION_FAILED on `opts.field` (`body.fileIds`).
   */
  async attach(
    ctx: RequestContext,
    ownerType: string,
    ownerId: string,
    fileIds: string[],
    opts: { field?: string } = {},
  ): Promise<void> {
    const userId = ctx.actor?.userId;
    if (!userId) throw new AppError('UNAUTHENTICATED');
    const ids = [...new Set(fileIds)];
    if (ids.length === 0) return;
    const refuse = () => new AppError('VALIDATION_FAILED', { field: opts.field ?? 'body.fileIds' });
    if (!ids.every((id) => UUID.test(id))) throw refuse();
    await this.d.tx.transaction(async () => {
      const own = await this.d.files.lockOwn(userId, ids);
      if (own.length !== ids.length) throw refuse();
      if ((await this.d.files.countAttached(ids)) > 0) throw refuse();
      await this.d.files.insertAttachments({ ownerType, ownerId, fileIds: ids, addedBy: userId }, this.d.clock.now());
      await this.d.audit.record(ctx, {
        action: 'file.attach',
        entityType: ownerType,
        entityId: ownerId,
        after: { fileIds: ids },
      });
    });
  }

  /**
   * Removes attachments from a record (soft: removed_at is set, the file stays). Returns the ids
   * that were live attachments of it; others are ignored. Call it inside the caller's transaction.
   */
  async detach(ctx: RequestContext, ownerType: string, ownerId: string, fileIds: string[]): Promise<string[]> {
    const ids = [...new Set(fileIds)].filter((id) => UUID.test(id));
    if (ids.length === 0) return [];
    return this.d.tx.transaction(async () => {
      const removed = await this.d.files.removeAttachments(ownerType, ownerId, ids, this.d.clock.now());
      if (removed.length > 0) {
        await this.d.audit.record(ctx, {
          action: 'file.detach',
          entityType: ownerType,
          entityId: ownerId,
          before: { fileIds: removed },
        });
      }
      return removed;
    });
  }

  /**
   * Attaches the live files of one record to another as well (the files are shared, not copied):
   * a document another unit sent keeps its files when registered, a replacement starts from the
   * original's files. The caller has checked that the person may read the source record.
   * Call it inside the transaction that saves the target.
   */
  async shareAttachments(
    ctx: RequestContext,
    from: { ownerType: string; ownerId: string },
    to: { ownerType: string; ownerId: string },
  ): Promise<string[]> {
    const userId = ctx.actor?.userId;
    if (!userId) throw new AppError('UNAUTHENTICATED');
    const ids = (await this.d.files.listFor(from.ownerType, [from.ownerId])).map((r) => r.id);
    if (ids.length === 0) return [];
    await this.d.files.insertAttachments(
      { ownerType: to.ownerType, ownerId: to.ownerId, fileIds: ids, addedBy: userId },
      this.d.clock.now(),
    );
    await this.d.audit.record(ctx, {
      action: 'file.attach',
      entityType: to.ownerType,
      entityId: to.ownerId,
      after: { fileIds: ids, from },
    });
    return ids;
  }

  /** The whole content of a stored file with its name and type (edXML packages embed files). */
  async content(fileId: string): Promise<{ name: string; mime: string; data: Buffer }> {
    const row = UUID.test(fileId) ? await this.d.files.byId(fileId) : null;
    if (!row) throw notFound();
    return { name: row.name, mime: row.mime, data: await readAll(this.d.store.open(row.sha256)) };
  }

  /**
   * Keeps a file the system made for a person (a register printed in the background) and
   * attaches it to a record of the module that made it; the person counts as its uploader. No
   * upload limits apply: the content is the server's own. Returns the stored file.
   */
  async saveGenerated(input: {
    userId: string;
    name: string;
    ext: FileExt;
    content: Buffer;
    ownerType: string;
    ownerId: string;
  }): Promise<TFileRef> {
    await mkdir(this.d.tmpDir, { recursive: true });
    const temp = path.join(this.d.tmpDir, `${randomUUID()}.part`);
    const sha256 = createHash('sha256').update(input.content).digest('hex');
    try {
      await writeFile(temp, input.content);
      await this.d.store.put(temp, sha256);
    } finally {
      await rm(temp, { force: true });
    }
    const now = this.d.clock.now();
    return this.d.tx.transaction(async () => {
      const row = await this.d.files.insert(
        {
          sha256,
          name: cleanFileName(input.name),
          ext: input.ext,
          mime: MIME_BY_EXT[input.ext],
          size: input.content.length,
          uploadedBy: input.userId,
        },
        now,
      );
      await this.d.files.insertAttachments(
        { ownerType: input.ownerType, ownerId: input.ownerId, fileIds: [row.id], addedBy: input.userId },
        now,
      );
      return toRef(row);
    });
  }

  /** Live attachments of many records of one type, in one query; every asked id has a list. */
  async listFor(ownerType: string, ownerIds: string[]): Promise<Map<string, TFileRef[]>> {
    const ids = [...new Set(ownerIds)].filter((id) => UUID.test(id));
    const out = new Map<string, TFileRef[]>(ownerIds.map((id) => [id, []]));
    if (ids.length === 0) return out;
    for (const row of await this.d.files.listFor(ownerType, ids)) out.get(row.ownerId)?.push(toRef(row));
    return out;
  }

  /** True when the file is a live attachment of one of the records (for the modules' download routes). */
  async isAttachedTo(ownerType: string, ownerIds: string[], fileId: string): Promise<boolean> {
    const ids = ownerIds.filter((id) => UUID.test(id));
    if (ids.length === 0 || !UUID.test(fileId)) return false;
    return this.d.files.isAttachedTo(ownerType, ids, fileId);
  }

  /** The file if the signed-in person uploaded it and has not attached it yet (preview before saving). */
  async ownUnattached(ctx: RequestContext, fileId: string): Promise<TFileRef> {
    const userId = ctx.actor?.userId;
    if (!userId || !UUID.test(fileId)) throw notFound();
    const row = await this.d.files.unattachedOf(userId, fileId);
    if (!row) throw notFound();
    return toRef(row);
  }

  /**
   * Streams a file's content. Shown in the page (`inline`) only for PDF and images; everything
   * else is a download. The ETag is the content hash, so a repeat answers 304 without reading.
   */
  async send(reply: FastifyReply, fileId: string, opts: { inline: boolean }): Promise<FastifyReply> {
    const row = UUID.test(fileId) ? await this.d.files.byId(fileId) : null;
    if (!row) throw notFound();
    const etag = etagOf(row.sha256);
    reply.header('etag', etag).header('cache-control', CACHE).header('x-content-type-options', 'nosniff');
    if (matchesEtag(reply.request.headers['if-none-match'], etag)) return reply.code(304).send();
    const kind = previewKind(row.ext);
    const inline = opts.inline && (kind === 'pdf' || kind === 'image');
    return reply
      .header('content-type', row.mime)
      .header('content-length', String(row.size))
      .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', row.name))
      .send(this.d.store.open(row.sha256));
  }

  /**
   * A DOCX shown as a plain HTML page (mammoth), under a Content-Security-Policy that lets
   * nothing in the document run. Any other type is NOT_FOUND: there is no HTML view of it.
   */
  async sendPreviewHtml(reply: FastifyReply, fileId: string): Promise<FastifyReply> {
    const row = UUID.test(fileId) ? await this.d.files.byId(fileId) : null;
    if (!row || previewKind(row.ext) !== 'html') throw notFound();
    if (row.size > PREVIEW_MAX_MB * MB) throw new AppError('FILE_TOO_LARGE', { details: { maxMb: PREVIEW_MAX_MB } });
    const etag = etagOf(row.sha256, '-html1');
    reply
      .header('etag', etag)
      .header('cache-control', CACHE)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox")
      .header('referrer-policy', 'no-referrer');
    if (matchesEtag(reply.request.headers['if-none-match'], etag)) return reply.code(304).send();
    let html: string;
    try {
      html = await docxToHtmlPage(await readAll(this.d.store.open(row.sha256)), row.name);
    } catch (err) {
      // A damaged document has no HTML view; it can still be downloaded.
      reply.log.warn({ err, fileId }, 'DOCX preview failed');
      throw notFound();
    }
    return reply.header('content-type', 'text/html; charset=utf-8').send(html);
  }

  /** Writes the stream to `temp` while hashing it; past `maxBytes` it stops writing and drains. */
  private async receive(source: Readable, temp: string, maxBytes: number) {
    const hash = createHash('sha256');
    const headChunks: Buffer[] = [];
    let headLength = 0;
    let size = 0;
    let tooLarge = false;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (tooLarge || size > maxBytes) {
          // Keep reading so that the client gets the answer, but keep nothing more.
          tooLarge = true;
          return done();
        }
        hash.update(chunk);
        if (headLength < SNIFF_HEAD_BYTES) {
          headChunks.push(chunk.subarray(0, SNIFF_HEAD_BYTES - headLength));
          headLength += Math.min(chunk.length, SNIFF_HEAD_BYTES - headLength);
        }
        done(null, chunk);
      },
    });
    await pipeline(source, meter, createWriteStream(temp));
    return { sha256: hash.digest('hex'), size, tooLarge, head: Buffer.concat(headChunks) };
  }
}

/** Entry names of a ZIP file on disk, from its central directory; undefined when unreadable. */
async function readZipEntryNames(file: string, size: number): Promise<string[] | undefined> {
  const fh = await open(file, 'r');
  try {
    const tailLength = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLength);
    await fh.read(tail, 0, tailLength, size - tailLength);
    const cd = findCentralDirectory(tail);
    if (!cd || cd.size > 16 * MB || cd.offset + cd.size > size) return undefined;
    const dir = Buffer.alloc(cd.size);
    await fh.read(dir, 0, cd.size, cd.offset);
    return centralEntryNames(dir);
  } finally {
    await fh.close();
  }
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

import { sql } from 'drizzle-orm';
import type { Database } from '../db/database';
import { uuidv7 } from '../db/ids';

/** One uploaded file as the service sees it. */
export interface FileRow {
  id: string;
  sha256: string;
  name: string;
  ext: string;
  mime: string;
  size: number;
  uploadedBy: string;
  createdAt: string;
}

/** A live attachment with its file, for listings. */
export interface AttachedFileRow extends FileRow {
  ownerId: string;
}

const COLUMNS = sql`f.id, f.sha256, f.name, f.ext, f.mime, f.size, f.uploaded_by AS "uploadedBy", f.created_at AS "createdAt"`;

function toRow(r: Record<string, unknown>): FileRow {
  return {
    id: r.id as string,
    sha256: r.sha256 as string,
    name: r.name as string,
    ext: r.ext as string,
    mime: r.mime as string,
    size: Number(r.size),
    uploadedBy: r.uploadedBy as string,
    createdAt: new Date(r.createdAt as string).toISOString(),
  };
}

const uuidList = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/** SQL of files and attachments; every call joins the caller's ambient transaction. */
export class FilesRepository {
  constructor(private readonly db: Database) {}

  async insert(f: Omit<FileRow, 'id' | 'createdAt'>, now: Date): Promise<FileRow> {
    const id = uuidv7(now.getTime());
    const rows = await this.db.rows(sql`
      INSERT INTO files AS f (id, sha256, name, ext, mime, size, uploaded_by, created_at)
      VALUES (${id}::uuid, ${f.sha256}, ${f.name}, ${f.ext}, ${f.mime}, ${f.size}, ${f.uploadedBy}::uuid,
              ${now.toISOString()}::timestamptz)
      RETURNING ${COLUMNS}`);
    return toRow(rows[0]);
  }

  async byId(id: string): Promise<FileRow | null> {
    const rows = await this.db.rows(sql`SELECT ${COLUMNS} FROM files f WHERE f.id = ${id}::uuid`);
    return rows[0] ? toRow(rows[0]) : null;
  }

  /** The file if `userId` uploaded it and it was never attached to anything. */
  async unattachedOf(userId: string, id: string): Promise<FileRow | null> {
    const rows = await this.db.rows(sql`
      SELECT ${COLUMNS} FROM files f
      WHERE f.id = ${id}::uuid AND f.uploaded_by = ${userId}::uuid
        AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.file_id = f.id)`);
    return rows[0] ? toRow(rows[0]) : null;
  }

  /**
   * Locks the files among `ids` that `userId` uploaded and returns their ids. The lock makes two
   * transactions attaching the same file wait for each other, so the check after it is sound.
   */
  async lockOwn(userId: string, ids: string[]): Promise<string[]> {
    const rows = await this.db.rows<{ id: string }>(sql`
      SELECT id FROM files WHERE uploaded_by = ${userId}::uuid AND id IN (${uuidList(ids)}) FOR UPDATE`);
    return rows.map((r) => r.id);
  }

  /** How many of `fileIds` are attached somewhere (removed attachments included). */
  async countAttached(fileIds: string[]): Promise<number> {
    const rows = await this.db.rows<{ n: number }>(sql`
      SELECT count(DISTINCT file_id)::int AS n FROM attachments WHERE file_id IN (${uuidList(fileIds)})`);
    return Number(rows[0]?.n ?? 0);
  }

  /** Appends the files to the owner's attachments, after any it already has, in the given order. */
  async insertAttachments(
    a: { ownerType: string; ownerId: string; fileIds: string[]; addedBy: string },
    now: Date,
  ): Promise<void> {
    const rows = await this.db.rows<{ next: number }>(sql`
      SELECT COALESCE(MAX(sort_order) + 1, 0)::int AS next FROM attachments
      WHERE owner_type = ${a.ownerType} AND owner_id = ${a.ownerId}::uuid`);
    const first = Number(rows[0]?.next ?? 0);
    const at = now.toISOString();
    const values = a.fileIds.map(
      (fileId, i) =>
        sql`(${uuidv7(now.getTime())}::uuid, ${a.ownerType}, ${a.ownerId}::uuid, ${fileId}::uuid, ${first + i},
             ${a.addedBy}::uuid, ${at}::timestamptz)`,
    );
    await this.db.rows(sql`
      INSERT INTO attachments (id, owner_type, owner_id, file_id, sort_order, added_by, created_at)
      VALUES ${sql.join(values, sql`, `)}`);
  }

  /** Marks live attachments of the owner removed; returns the file ids that were removed. */
  async removeAttachments(ownerType: string, ownerId: string, fileIds: string[], now: Date): Promise<string[]> {
    const rows = await this.db.rows<{ fileId: string }>(sql`
      UPDATE attachments SET removed_at = ${now.toISOString()}::timestamptz
      WHERE owner_type = ${ownerType} AND owner_id = ${ownerId}::uuid AND removed_at IS NULL
        AND file_id IN (${uuidList(fileIds)})
      RETURNING file_id AS "fileId"`);
    return rows.map((r) => r.fileId);
  }

  /** Live attachments of many owners in one query, each owner's in their order. */
  async listFor(ownerType: string, ownerIds: string[]): Promise<AttachedFileRow[]> {
    const rows = await this.db.rows(sql`
      SELECT a.owner_id AS "ownerId", ${COLUMNS}
      FROM attachments a JOIN files f ON f.id = a.file_id
      WHERE a.owner_type = ${ownerType} AND a.owner_id IN (${uuidList(ownerIds)}) AND a.removed_at IS NULL
      ORDER BY a.owner_id, a.sort_order, a.created_at, a.id`);
    return rows.map((r) => ({ ...toRow(r), ownerId: r.ownerId as string }));
  }

  /** True when the file is a live attachment of one of the owners. */
  async isAttachedTo(ownerType: string, ownerIds: string[], fileId: string): Promise<boolean> {
    const rows = await this.db.rows(sql`
      SELECT 1 FROM attachments
      WHERE file_id = ${fileId}::uuid AND owner_type = ${ownerType} AND owner_id IN (${uuidList(ownerIds)})
        AND removed_at IS NULL
      LIMIT 1`);
    return rows.length > 0;
  }
}

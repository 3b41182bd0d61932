import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Where file contents live, addressed by their SHA-256: the same bytes are kept once however
 * often they are uploaded. A local folder by default; an S3-compatible store implements the
 * same interface when the app runs on several machines.
 */
export interface FileStore {
  /** Moves a finished temporary file into the store under its hash (drops it if already stored). */
  put(tempFile: string, sha256: string): Promise<void>;
  /** The content of a stored blob; the stream errors when it is missing. */
  open(sha256: string): Readable;
  exists(sha256: string): Promise<boolean>;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** Blobs on a local disk at `<root>/<sha[0..2]>/<sha[2..4]>/<sha>`. */
export class LocalFileStore implements FileStore {
  constructor(readonly root: string) {}

  /** Path of a blob; the hash is checked so that it can never climb out of the root. */
  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(tempFile: string, sha256: string): Promise<void> {
    const target = this.pathOf(sha256);
    if (await this.exists(sha256)) {
      await rm(tempFile, { force: true });
      return;
    }
    await mkdir(path.dirname(target), { recursive: true });
    // rename is atomic on one file system: a reader sees the whole blob or none. Two uploads of
    // the same content racing here both write identical bytes, so the last rename is harmless.
    await rename(tempFile, target);
  }

  open(sha256: string): Readable {
    return createReadStream(this.pathOf(sha256));
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch {
      return false;
    }
  }
}

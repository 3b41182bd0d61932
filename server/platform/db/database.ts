import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { type SQL, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from '../../db/schema';

export type Schema = typeof schema;
/** A Drizzle handle: the root database or a transaction. Repositories use only this. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Engine = 'pglite' | 'postgres';
export type Unlisten = () => Promise<void>;

const MIGRATIONS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../db/migrations');

/**
 * The one database of the application: embedded PGlite or a PostgreSQL server behind the same
 * interface. Transactions are ambient (AsyncLocalStorage), so repositories called inside
 * `transaction()` join it without the service passing a handle around.
 */
export class Database {
  private readonly als = new AsyncLocalStorage<Db>();

  private constructor(
    readonly engine: Engine,
    private readonly root: Db,
    private readonly listenImpl: (channel: string, cb: (payload: string) => void) => Promise<Unlisten>,
    private readonly closeImpl: () => Promise<void>,
    private readonly migrateImpl: () => Promise<void>,
  ) {}

  /** The handle for the current transaction, or the root handle outside one. */
  get q(): Db {
    return this.als.getStore() ?? this.root;
  }

  /** Runs raw SQL on the current handle and returns its rows (both drivers answer `{ rows }`). */
  async rows<T = Record<string, unknown>>(query: SQL): Promise<T[]> {
    const res = (await this.q.execute(query)) as unknown as { rows: T[] };
    return res.rows;
  }

  /** Runs `fn` in a transaction; nested calls join the outer transaction. */
  transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.als.getStore()) return fn();
    return this.root.transaction((tx) => this.als.run(tx as unknown as Db, fn));
  }

  /** Subscribes to a LISTEN/NOTIFY channel. */
  listen(channel: string, cb: (payload: string) => void): Promise<Unlisten> {
    return this.listenImpl(channel, cb);
  }

  /** Applies pending migrations (idempotent; serialised across instances on a server). */
  migrate(): Promise<void> {
    return this.migrateImpl();
  }

  close(): Promise<void> {
    return this.closeImpl();
  }

  /** Throws when the database does not answer. */
  async ping(): Promise<void> {
    await this.root.execute(sql`SELECT 1`);
  }

  /** Embedded PostgreSQL; `dataDir` undefined means in memory (tests). */
  static async openPglite(dataDir?: string): Promise<Database> {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    const client = await PGlite.create({ dataDir, extensions: { unaccent, pg_trgm } });
    const db = drizzlePglite({ client, schema }) as unknown as Db;
    return new Database(
      'pglite',
      db,
      async (channel, cb) => {
        const off = await client.listen(channel, cb);
        return async () => off();
      },
      () => client.close(),
      () => migratePglite(db as never, { migrationsFolder: MIGRATIONS }),
    );
  }

  /** A PostgreSQL server; LISTEN uses one dedicated connection that reconnects. */
  static async openPostgres(url: string, poolSize = 10): Promise<Database> {
    const pool = new pg.Pool({ connectionString: url, max: poolSize });
    pool.on('error', () => {
      /* idle client errors are retried by the pool; nothing to do here */
    });
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    const listener = new PgListener(url);
    return new Database(
      'postgres',
      db,
      (channel, cb) => listener.listen(channel, cb),
      async () => {
        await listener.close();
        await pool.end();
      },
      async () => {
        const lockClient = await pool.connect();
        try {
          await lockClient.query('SELECT pg_advisory_lock(824213)');
          await migratePg(db as never, { migrationsFolder: MIGRATIONS });
        } finally {
          await lockClient.query('SELECT pg_advisory_unlock(824213)').catch(() => undefined);
          lockClient.release();
        }
      },
    );
  }
}

/** One LISTEN connection shared by all channels of a Database; re-subscribes after a drop. */
class PgListener {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private readonly handlers = new Map<string, Set<(payload: string) => void>>();
  private closed = false;

  constructor(private readonly url: string) {}

  private connect(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    if (this.connecting) return this.connecting;
    this.connecting = (async () => {
      const client = new pg.Client({ connectionString: this.url });
      client.on('notification', (msg) => {
        for (const cb of this.handlers.get(msg.channel) ?? []) cb(msg.payload ?? '');
      });
      client.on('error', () => this.reconnectSoon());
      client.on('end', () => this.reconnectSoon());
      await client.connect();
      for (const channel of this.handlers.keys()) await client.query(`LISTEN ${quoteIdent(channel)}`);
      this.client = client;
      this.connecting = null;
      return client;
    })();
    return this.connecting;
  }

  private reconnectSoon(): void {
    if (this.closed || !this.client) return;
    this.client = null;
    setTimeout(() => {
      if (!this.closed) this.connect().catch(() => this.reconnectSoon());
    }, 1000).unref();
  }

  async listen(channel: string, cb: (payload: string) => void): Promise<Unlisten> {
    let set = this.handlers.get(channel);
    const isNew = !set;
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
    }
    set.add(cb);
    const client = await this.connect();
    if (isNew) await client.query(`LISTEN ${quoteIdent(channel)}`);
    return async () => {
      set.delete(cb);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => undefined);
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Opens the database the configuration names: a server when a URL is given, else PGlite under dataDir. */
export async function openDatabase(opts: { databaseUrl?: string; dataDir?: string; poolSize?: number }) {
  if (opts.databaseUrl) return Database.openPostgres(opts.databaseUrl, opts.poolSize);
  return Database.openPglite(opts.dataDir ? path.join(opts.dataDir, 'pg') : undefined);
}

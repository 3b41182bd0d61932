import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { TRealtimeMessage } from '../../../contracts/badges';
import type { Database, Unlisten } from '../db/database';
import type { BadgeService } from './badges';

const CHANNEL = 'co_realtime';
const USERS_PER_NOTIFY = 120;
const MAX_PAYLOAD_BYTES = 7900;

/** Who a message is for. */
export interface Audience {
  users?: string[];
  sessions?: string[];
}

type Envelope = { to: Audience; msg: TRealtimeMessage | { type: 'badges.refresh' } };

/** A live browser connection of one session. */
export interface Connection {
  userId: string;
  sessionId: string;
  send(text: string): void;
  close(): void;
}

/**
 * Real-time fan-out: a publish is a NOTIFY (sent on commit when inside a transaction); every
 * app instance LISTENs and delivers to the sockets it holds, so instances agree.
 */
export class RealtimeHub {
  private readonly byUser = new Map<string, Set<Connection>>();
  private unlisten: Unlisten | null = null;

  constructor(
    private readonly db: Database,
    private readonly badges: BadgeService,
    private readonly log: FastifyBaseLogger,
  ) {}

  async start(): Promise<void> {
    this.unlisten = await this.db.listen(CHANNEL, (payload) => {
      void this.deliver(payload);
    });
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    for (const set of this.byUser.values()) for (const c of set) c.close();
    this.byUser.clear();
  }

  /** Number of open connections on this instance. */
  get size(): number {
    let n = 0;
    for (const set of this.byUser.values()) n += set.size;
    return n;
  }

  async add(conn: Connection): Promise<void> {
    let set = this.byUser.get(conn.userId);
    if (!set) {
      set = new Set();
      this.byUser.set(conn.userId, set);
    }
    set.add(conn);
    conn.send(JSON.stringify({ type: 'badges', badges: await this.badges.forUser(conn.userId) }));
  }

  remove(conn: Connection): void {
    const set = this.byUser.get(conn.userId);
    set?.delete(conn);
    if (set && set.size === 0) this.byUser.delete(conn.userId);
  }

  /** Sends a message to an audience on every instance. */
  async publish(to: Audience, msg: TRealtimeMessage): Promise<void> {
    await this.notify({ to, msg });
  }

  /** Tells every instance to recompute and push the badges of these users. */
  async badgesChanged(userIds: string[]): Promise<void> {
    if (userIds.length > 0) await this.notify({ to: { users: userIds }, msg: { type: 'badges.refresh' } });
  }

  /**
   * NOTIFY payloads are limited to 8000 bytes, so a large audience is split into several
   * notifications of at most USERS_PER_NOTIFY ids each (an announcement to a whole province
   * becomes a few hundred small NOTIFYs, still one per commit).
   */
  private async notify(env: Envelope): Promise<void> {
    const parts: Envelope[] = [];
    const users = env.to.users ?? [];
    const sessions = env.to.sessions ?? [];
    for (let i = 0; i < users.length; i += USERS_PER_NOTIFY) {
      parts.push({ to: { users: users.slice(i, i + USERS_PER_NOTIFY) }, msg: env.msg });
    }
    for (let i = 0; i < sessions.length; i += USERS_PER_NOTIFY) {
      parts.push({ to: { sessions: sessions.slice(i, i + USERS_PER_NOTIFY) }, msg: env.msg });
    }
    for (const part of parts) {
      const payload = JSON.stringify(part);
      if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) throw new Error('realtime message too large for NOTIFY');
      await this.db.q.execute(sql`SELECT pg_notify(${CHANNEL}, ${payload})`);
    }
  }

  private async deliver(payload: string): Promise<void> {
    let env: Envelope;
    try {
      env = JSON.parse(payload) as Envelope;
    } catch {
      return;
    }
    const targets = this.targets(env.to);
    if (targets.length === 0) return;
    try {
      if (env.msg.type === 'badges.refresh') {
        const perUser = new Map<string, string>();
        for (const c of targets) {
          if (!perUser.has(c.userId)) {
            perUser.set(c.userId, JSON.stringify({ type: 'badges', badges: await this.badges.forUser(c.userId) }));
          }
          c.send(perUser.get(c.userId) as string);
        }
        return;
      }
      const text = JSON.stringify(env.msg);
      for (const c of targets) {
        c.send(text);
        if (env.msg.type === 'session.ended') c.close();
      }
    } catch (err) {
      this.log.warn({ err }, 'realtime delivery failed');
    }
  }

  private targets(to: Audience): Connection[] {
    const out: Connection[] = [];
    const sessions = to.sessions ? new Set(to.sessions) : null;
    if (to.users) {
      for (const id of to.users) for (const c of this.byUser.get(id) ?? []) out.push(c);
    }
    if (sessions) {
      for (const set of this.byUser.values()) for (const c of set) if (sessions.has(c.sessionId)) out.push(c);
    }
    return out;
  }
}

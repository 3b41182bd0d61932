import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRealtimeMessage } from '../../../contracts/badges';
import { type TestApp, createTestApp } from '../../test/harness';

/** A WebSocket client on an app that collects what it receives. */
async function connect(app: FastifyInstance, cookie?: string) {
  return connectTo(app, '/api/realtime', cookie);
}

/** Same as connect, to a given path (with a query string). */
async function connectTo(app: FastifyInstance, path: string, cookie?: string) {
  const received: TRealtimeMessage[] = [];
  const waiters: { pred: (m: TRealtimeMessage) => boolean; resolve: (m: TRealtimeMessage) => void }[] = [];
  let closedWith: number | null = null;
  const ws = await app.injectWS(path, { headers: cookie ? { cookie } : {} } as never, {
    onInit: (socket) => {
      socket.on('message', (data: Buffer) => {
        const msg = JSON.parse(data.toString()) as TRealtimeMessage;
        received.push(msg);
        for (const w of [...waiters])
          if (w.pred(msg)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve(msg);
          }
      });
      socket.on('close', (code: number) => {
        closedWith = code;
      });
    },
  });
  const next = (pred: (m: TRealtimeMessage) => boolean, ms = 3000) => {
    const found = received.find(pred);
    if (found) return Promise.resolve(found);
    return new Promise<TRealtimeMessage>((resolve, reject) => {
      waiters.push({ pred, resolve });
      setTimeout(() => reject(new Error('no such message in time')), ms);
    });
  };
  return { ws, received, next, closed: () => closedWith };
}

describe('real-time channel', () => {
  let t: TestApp;
  let userId: string;
  beforeAll(async () => {
    t = await createTestApp();
    [{ id: userId }] = await t.db.rows<{ id: string }>(sql`SELECT id FROM users WHERE username = 'chuyenvien1'`);
  });
  afterAll(() => t.close());

  it('refuses a connection without a session', async () => {
    await expect(connect(t.app)).rejects.toThrow();
  });

  it('sends the badges on connect and again when a module says they changed', async () => {
    const cookie = await t.login('chuyenvien1');
    const c = await connect(t.app, cookie);
    const first = await c.next((m) => m.type === 'badges');
    expect(first).toEqual({
      type: 'badges',
      badges: { accountRequests: 0, opinions: 0, messages: 0, unreadIncoming: 0, unreadOutgoing: 0, tasksWaiting: 0 },
    });
    let waiting = 0;
    t.app.platform.badges.register('tasksWaiting', async (id) => (id === userId ? waiting : 0));
    waiting = 3;
    await t.app.platform.realtime.badgesChanged([userId]);
    const updated = await c.next((m) => m.type === 'badges' && m.badges.tasksWaiting === 3);
    expect(updated).toMatchObject({ badges: { tasksWaiting: 3 } });
    c.ws.terminate();
  });

  it('delivers only to the audience', async () => {
    const mine = await connect(t.app, await t.login('chuyenvien1'));
    const other = await connect(t.app, await t.login('chuyenvien2'));
    await t.app.platform.realtime.publish(
      { users: [userId] },
      { type: 'notification', title: 'Văn bản mới', body: 'Kế hoạch tuyển sinh' },
    );
    await mine.next((m) => m.type === 'notification');
    await new Promise((r) => setTimeout(r, 100));
    expect(other.received.some((m) => m.type === 'notification')).toBe(false);
    mine.ws.terminate();
    other.ws.terminate();
  });

  it('fans out through the database to a client of another app instance, and only after commit', async () => {
    const second = await t.another();
    const c = await connect(second, await t.login('chuyenvien1'));
    await c.next((m) => m.type === 'badges');
    await expect(
      t.db.transaction(async () => {
        await t.app.platform.realtime.publish(
          { users: [userId] },
          { type: 'notification', title: 'rolled back', body: '' },
        );
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await t.app.platform.realtime.publish({ users: [userId] }, { type: 'notification', title: 'committed', body: '' });
    const got = await c.next((m) => m.type === 'notification');
    expect(got).toMatchObject({ title: 'committed' });
    expect(c.received.filter((m) => m.type === 'notification')).toHaveLength(1);
    c.ws.terminate();
  });

  it('reaches every member of an audience too large for one NOTIFY', async () => {
    const c = await connect(t.app, await t.login('chuyenvien1'));
    await c.next((m) => m.type === 'badges');
    const strangers = Array.from({ length: 500 }, (_, i) => `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`);
    await t.app.platform.realtime.publish(
      { users: [...strangers, userId] },
      { type: 'notification', title: 'Thông báo chung', body: 'Họp toàn ngành' },
    );
    await c.next((m) => m.type === 'notification' && m.title === 'Thông báo chung');
    c.ws.terminate();
  });

  it("while acting for a delegator, the channel carries the delegator's badges; a bad delegation is refused", async () => {
    const [{ id: adminId }] = await t.db.rows<{ id: string }>(sql`SELECT id FROM users WHERE username = 'admin'`);
    await t.db.rows(sql`INSERT INTO delegations (id, from_user_id, to_user_id, starts_on, ends_on)
      SELECT gen_random_uuid(), ${adminId}::uuid, id, '2000-01-01', '2999-12-31' FROM users WHERE username = 'th.vanthu'`);
    t.app.platform.badges.register('opinions', async (id) => (id === adminId ? 7 : 0));
    const cookie = await t.login('th.vanthu');
    const own = await connect(t.app, cookie);
    expect(await own.next((m) => m.type === 'badges')).toMatchObject({ badges: { opinions: 0 } });
    own.ws.terminate();
    const acting = await connectTo(t.app, `/api/realtime?onBehalfOf=${adminId}`, cookie);
    expect(await acting.next((m) => m.type === 'badges')).toMatchObject({ badges: { opinions: 7 } });
    acting.ws.terminate();
    await expect(connectTo(t.app, `/api/realtime?onBehalfOf=${userId}`, cookie)).rejects.toThrow();
  });

  it('tells and closes the other sessions when the password changes', async () => {
    const elsewhere = await t.login('chuyenvien2');
    const c = await connect(t.app, elsewhere);
    await c.next((m) => m.type === 'badges');
    const here = await t.login('chuyenvien2');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/change-password',
      headers: { cookie: here },
      payload: { currentPassword: 'Demo@2026', newPassword: 'Moi@20270' },
    });
    expect(res.statusCode).toBe(200);
    await c.next((m) => m.type === 'session.ended');
  });
});

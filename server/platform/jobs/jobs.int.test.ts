import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE, type TestApp, createTestApp } from '../../test/harness';
import { JobRunner } from './jobs';

const silent = { warn() {}, error() {}, info() {}, debug() {} } as never;

describe('durable job runner', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const status = async (id: string) =>
    (
      await t.db.rows<{ status: string; attempts: number; last_error: string | null }>(
        sql`SELECT status, attempts, last_error FROM jobs WHERE id = ${id}`,
      )
    )[0];

  it('runs a due job once and leaves a future one waiting', async () => {
    const { jobs, jobRunner, clock } = t.app.platform;
    const ran: unknown[] = [];
    jobRunner.register('test.once', async (job) => {
      ran.push(job.payload);
    });
    const now = await jobs.enqueue('test.once', { n: 1 });
    const later = await jobs.enqueue('test.once', { n: 2 }, { runAt: new Date(clock.now().getTime() + 3_600_000) });
    expect(await jobRunner.runDue()).toBe(1);
    expect(await jobRunner.runDue()).toBe(0);
    expect(ran).toEqual([{ n: 1 }]);
    expect((await status(now as string)).status).toBe('done');
    expect((await status(later as string)).status).toBe('queued');
    t.clock.advance(3_600_000);
    expect(await jobRunner.runDue()).toBe(1);
    expect(ran).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('retries a failing job with back-off, then marks it failed after maxAttempts', async () => {
    const { jobs, jobRunner } = t.app.platform;
    let calls = 0;
    jobRunner.register('test.flaky', async () => {
      calls++;
      throw new Error('gateway down');
    });
    const id = (await jobs.enqueue('test.flaky', {}, { maxAttempts: 3 })) as string;
    await jobRunner.runDue();
    expect(await status(id)).toMatchObject({ status: 'queued', attempts: 1, last_error: 'gateway down' });
    await jobRunner.runDue();
    expect(calls).toBe(1); // not due yet: back-off
    t.clock.advance(2_000);
    await jobRunner.runDue();
    t.clock.advance(4_000);
    await jobRunner.runDue();
    expect(calls).toBe(3);
    expect((await status(id)).status).toBe('failed');
  });

  it('keeps one pending job per unique key', async () => {
    const { jobs } = t.app.platform;
    const a = await jobs.enqueue('test.once', {}, { uniqueKey: 'remind:doc1:user1' });
    const b = await jobs.enqueue('test.once', {}, { uniqueKey: 'remind:doc1:user1' });
    expect(a).toBeTruthy();
    expect(b).toBeNull();
  });

  it('creates no job when the transaction that asked for it rolls back', async () => {
    const { jobs } = t.app.platform;
    await expect(
      t.db.transaction(async () => {
        await jobs.enqueue('test.once', { rolled: true }, { uniqueKey: 'rollback-check' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await t.db.rows(sql`SELECT 1 FROM jobs WHERE unique_key = 'rollback-check'`)).toHaveLength(0);
  });

  // Concurrency across connections exists only on a server (PGlite is one connection).
  if (ENGINE === 'postgres')
    it('runs each job exactly once when several instances poll at the same time', async () => {
      const { jobs, jobRunner } = t.app.platform;
      await jobRunner.runDue(); // what earlier tests left due
      const seen: string[] = [];
      const runners: JobRunner[] = [];
      for (let i = 0; i < 3; i++) {
        const db = await t.testDb.openAnother();
        const r = new JobRunner(db, t.clock, silent, { pollMs: 1000, batchSize: 5 });
        r.register('test.count', async (job) => {
          seen.push(String((job.payload as { n: number }).n));
          await new Promise((res) => setTimeout(res, 2));
        });
        runners.push(r);
      }
      for (let n = 0; n < 60; n++) await jobs.enqueue('test.count', { n });
      const counts = await Promise.all(runners.map((r) => r.runDue()));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(60);
      expect(counts.filter((c) => c > 0).length).toBeGreaterThan(1);
      expect(new Set(seen).size).toBe(60);
      expect(seen).toHaveLength(60);
    });
});

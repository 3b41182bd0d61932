import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { TTaskCreate, TTaskDetail, TTaskPage } from '../../../contracts/tasks';
import { call } from '../../test/api-helpers';
import type { TestApp } from '../../test/harness';

/** Test users of the task tests, by username. */
export const TASK_USERS = [
  'vanthu',
  'truongphong',
  'photruongphong',
  'chuyenvien1',
  'chuyenvien2',
  'th.hieutruong',
  'th.gv1',
  'mn.vanthu',
  'mn.gv1',
] as const;

/** Signs in every test user; returns cookies and ids by username. */
export async function signInAll(t: TestApp) {
  const c: Record<string, string> = {};
  const id: Record<string, string> = {};
  const rows = await t.db.rows<{ id: string; username: string }>(sql`SELECT id, username FROM users`);
  for (const u of TASK_USERS) {
    c[u] = await t.login(u);
    id[u] = rows.find((r) => r.username === u)?.id as string;
  }
  return { c, id };
}

/** Id of a unit by code (PGDDT, THAM, MNAM, THCSAM). */
export async function unitId(t: TestApp, code: string): Promise<string> {
  const rows = await t.db.rows<{ id: string }>(sql`SELECT id FROM units WHERE code = ${code}`);
  return rows[0].id;
}

/** Creates a task through the API and returns its detail (throws on another status). */
export async function createTask(t: TestApp, cookie: string, body: TTaskCreate): Promise<TTaskDetail> {
  const res = await call(t, cookie, 'POST', '/api/tasks', body);
  if (res.statusCode !== 201) throw new Error(`create task: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Runs a step on a task and returns the detail (throws on an unexpected status). */
export async function step(
  t: TestApp,
  cookie: string,
  id: string,
  path: string,
  body: unknown,
  expected = 200,
): Promise<TTaskDetail> {
  const res = await call(t, cookie, 'POST', `/api/tasks/${id}/${path}`, body);
  if (res.statusCode !== expected) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Ids of the tasks in a list answer. */
export async function listIds(t: TestApp, cookie: string, url: string): Promise<string[]> {
  const res = await call(t, cookie, 'GET', url);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as TTaskPage).items.map((r) => r.id);
}

/** Notification kinds a user got about a task, oldest first. */
export async function notificationsOf(t: TestApp, userId: string, taskId: string): Promise<string[]> {
  const rows = await t.db.rows<{ kind: string }>(sql`
    SELECT kind FROM notifications WHERE user_id = ${userId}::uuid AND link LIKE ${`%task=${taskId}`}
    ORDER BY created_at, kind`);
  return rows.map((r) => r.kind);
}

/** A date `days` days after today in Vietnam time, as yyyy-mm-dd. */
export function daysFromNow(t: TestApp, days: number): string {
  const now = t.clock.now().getTime() + 7 * 3600_000 + days * 86_400_000;
  return new Date(now).toISOString().slice(0, 10);
}

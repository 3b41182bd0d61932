import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TTaskDetail } from '../../../contracts/tasks';
import { ManualClock } from '../../platform/clock';
import { call, countRows } from '../../test/api-helpers';
import { createTestApp, type TestApp } from '../../test/harness';
import { registerIncoming } from '../incoming/incoming.test-helpers';
import { createTask, listIds, signInAll, step, unitId } from './tasks.test-helpers';

let t: TestApp;
let c: Record<string, string> = {};
let id: Record<string, string> = {};
// Monday 2 March 2026, 08:00 in Vietnam.
const clock = new ManualClock(new Date('2026-03-02T01:00:00Z'));

beforeAll(async () => {
  t = await createTestApp({ clock });
  ({ c, id } = await signInAll(t));
});
afterAll(() => t.close());

describe('who may see and act on a task', () => {
  let task: TTaskDetail;
  beforeAll(async () => {
    task = await createTask(t, c.photruongphong, {
      title: 'Chuẩn bị hội nghị tổng kết năm học',
      targets: [{ userId: id.chuyenvien2, role: 'lead' }],
    });
  });

  it('hides it from people outside (404), shows it to the leaders whose scope covers it', async () => {
    for (const u of ['chuyenvien1', 'th.hieutruong', 'mn.gv1'])
      expect((await call(t, c[u], 'GET', `/api/tasks/${task.id}`)).statusCode, u).toBe(404);
    const leader = await call(t, c.truongphong, 'GET', `/api/tasks/${task.id}`);
    expect(leader.statusCode).toBe(200);
    expect((leader.json() as TTaskDetail).abilities).toMatchObject({ urge: true, accept: false, close: false });
    // Seeing is not acting: a leader with no part may not accept it for the person.
    expect((await call(t, c.truongphong, 'POST', `/api/tasks/${task.id}/accept`, {})).statusCode).toBe(403);
    expect((await call(t, c['mn.gv1'], 'POST', `/api/tasks/${task.id}/accept`, {})).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/tasks/${task.id}` })).statusCode).toBe(401);
  });

  it("lets a school's leader see what their staff were given, not the Phòng's own tasks", async () => {
    const gv = await createTask(t, c.photruongphong, {
      title: 'Báo cáo thống kê học sinh khuyết tật',
      targets: [{ userId: id['th.gv1'], role: 'lead' }],
    });
    expect((await call(t, c['th.hieutruong'], 'GET', `/api/tasks/${gv.id}`)).statusCode).toBe(200);
    expect((await call(t, c['mn.vanthu'], 'GET', `/api/tasks/${gv.id}`)).statusCode).toBe(404);
  });

  it('lets someone without tasks.assign keep tasks for themselves only', async () => {
    const before = await countRows(t, 'tasks');
    const res = await call(t, c.chuyenvien1, 'POST', '/api/tasks', {
      title: 'Giao cho đồng nghiệp',
      targets: [{ userId: id.chuyenvien2, role: 'lead' }],
    });
    expect(res.statusCode).toBe(403);
    expect(await countRows(t, 'tasks')).toBe(before);
    const self = await createTask(t, c.chuyenvien1, {
      title: 'Việc của tôi',
      targets: [{ userId: id.chuyenvien1, role: 'lead' }],
    });
    expect(self.assignments).toHaveLength(1);
    expect(self.assignments[0].state).toBe('in_progress');
  });

  it('refuses everything to a user without tasks.use', async () => {
    // The built-in administrators' group holds only admin.* permissions.
    const admin = await t.login('admin');
    expect((await call(t, admin, 'GET', '/api/tasks/received/waiting')).statusCode).toBe(403);
    expect((await call(t, admin, 'POST', '/api/tasks', { title: 'Thử' })).statusCode).toBe(403);
  });
});

describe('bad input: the field is named and nothing is written', () => {
  it('refuses each bad task', async () => {
    const mnDoc = await registerIncoming(t, c['mn.vanthu'], { subject: 'Văn bản riêng của trường Mầm non' });
    const tasks = await countRows(t, 'tasks');
    const parts = await countRows(t, 'task_assignments');
    const audits = await countRows(t, 'audit_log');
    const th = await unitId(t, 'THAM');
    const cases: [Record<string, unknown>, string, string?][] = [
      [{ title: '   ' }, 'body.title'],
      [{ title: 'x'.repeat(501) }, 'body.title'],
      [{ title: 'Hạn sai', dueDate: '2026-02-30' }, 'body.dueDate'],
      [{ title: 'Hạn đã qua', dueDate: '2026-03-01' }, 'body.dueDate', 'pastDue'],
      [{ title: 'Bắt đầu sau hạn', startDate: '2026-03-10', dueDate: '2026-03-05' }, 'body.dueDate'],
      [{ title: 'Ưu tiên lạ', priority: 'gấp' }, 'body.priority'],
      [
        {
          title: 'Hai chủ trì',
          targets: [
            { userId: id.chuyenvien1, role: 'lead' },
            { userId: id.chuyenvien2, role: 'lead' },
          ],
        },
        'body.targets',
        'oneLead',
      ],
      [
        { title: 'Người lạ', targets: [{ userId: '00000000-0000-7000-8000-000000000001', role: 'co' }] },
        'body.targets',
      ],
      [
        {
          title: 'Trùng người',
          targets: [
            { userId: id.chuyenvien1, role: 'co' },
            { userId: id.chuyenvien1, role: 'follow' },
          ],
        },
        'body.targets',
        'duplicate',
      ],
      [{ title: 'Cả hai', targets: [{ userId: id.chuyenvien1, unitId: th, role: 'co' }] }, 'body.targets.0'],
      [{ title: 'Việc con của việc lạ', parentId: mnDoc.document.id }, ''],
    ];
    for (const [body, field, reason] of cases) {
      const res = await call(t, c.photruongphong, 'POST', '/api/tasks', body);
      if (field === '') {
        expect(res.statusCode, JSON.stringify(body)).toBe(404);
        continue;
      }
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.fields[0].path, JSON.stringify(body)).toBe(field);
      if (reason) expect(res.json().error.details.reason).toBe(reason);
    }
    // A related document the creator may not see (another school's, for a chuyên viên of the Phòng).
    const hidden = await call(t, c.chuyenvien1, 'POST', '/api/tasks', {
      title: 'Văn bản không được xem',
      related: [{ kind: 'incoming', id: mnDoc.document.id }],
    });
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().error.fields[0].path).toBe('body.related');
    expect(await countRows(t, 'tasks')).toBe(tasks);
    expect(await countRows(t, 'task_assignments')).toBe(parts);
    expect(await countRows(t, 'audit_log')).toBe(audits);
  });

  it('refuses a unit without leaders', async () => {
    await t.db.rows(sql`
      UPDATE user_groups SET group_id = (SELECT id FROM groups WHERE code = 'chuyen-vien')
      WHERE user_id = (SELECT id FROM users WHERE username = 'thcs.hieutruong')`);
    const res = await call(t, c.photruongphong, 'POST', '/api/tasks', {
      title: 'Giao trường THCS',
      targets: [{ unitId: await unitId(t, 'THCSAM'), role: 'lead' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual({ reason: 'noLeader', unit: 'Trường THCS An Minh' });
  });
});

describe('reminders (durable jobs, controllable clock)', () => {
  const reminders = async (kind: string, taskId: string) =>
    t.db.rows<{ user_id: string }>(sql`
      SELECT user_id FROM notifications WHERE kind = ${kind} AND link LIKE ${`%task=${taskId}`} ORDER BY user_id`);
  const run = () => t.app.platform.jobRunner.runDue();

  it('fires "due soon" once on the working day before and "overdue" once the day after, to the assigner too', async () => {
    clock.set(new Date('2026-03-02T01:00:00Z'));
    await run();
    // Due Monday 9 March: due soon on Friday 6 March at 08:00, overdue on Tuesday 10 March at 07:00.
    const task = await createTask(t, c.photruongphong, {
      title: 'Nộp kế hoạch kiểm tra nội bộ',
      dueDate: '2026-03-09',
      targets: [{ userId: id.chuyenvien1, role: 'lead' }],
    });
    const done = await createTask(t, c.photruongphong, {
      title: 'Việc đã xong sớm',
      dueDate: '2026-03-09',
      targets: [{ userId: id.chuyenvien2, role: 'lead' }],
    });
    await step(t, c.chuyenvien2, done.id, 'accept', {});
    await step(t, c.chuyenvien2, done.id, 'report', { progress: 100 });

    clock.set(new Date('2026-03-06T00:59:00Z'));
    await run();
    expect(await reminders('tasks.dueSoon', task.id)).toEqual([]);
    clock.set(new Date('2026-03-06T01:00:00Z'));
    await run();
    expect(await reminders('tasks.dueSoon', task.id)).toEqual([{ user_id: id.chuyenvien1 }]);
    await run();
    expect(await reminders('tasks.dueSoon', task.id)).toHaveLength(1);

    clock.set(new Date('2026-03-09T23:59:00Z'));
    await run();
    expect(await reminders('tasks.overdue', task.id)).toEqual([]);
    clock.set(new Date('2026-03-10T00:00:00Z'));
    await run();
    expect((await reminders('tasks.overdue', task.id)).map((r) => r.user_id).sort()).toEqual(
      [id.chuyenvien1, id.photruongphong].sort(),
    );
    clock.advance(86_400_000);
    await run();
    expect(await reminders('tasks.overdue', task.id)).toHaveLength(2);
    expect(await reminders('tasks.dueSoon', done.id)).toEqual([]);
    expect(await reminders('tasks.overdue', done.id)).toEqual([]);
  });

  it('follows a changed due date: the old reminders stay silent, the new ones fire', async () => {
    clock.set(new Date('2026-03-16T01:00:00Z'));
    await run();
    c.photruongphong = await t.login('photruongphong');
    c.chuyenvien1 = await t.login('chuyenvien1');
    const task = await createTask(t, c.photruongphong, {
      title: 'Cập nhật cơ sở dữ liệu ngành',
      dueDate: '2026-03-18',
      targets: [{ userId: id.chuyenvien1, role: 'lead' }],
    });
    await step(t, c.photruongphong, task.id, 'change-due', { dueDate: '2026-03-24', reason: 'Hệ thống bảo trì' });
    clock.set(new Date('2026-03-19T00:00:00Z'));
    await run();
    expect(await reminders('tasks.dueSoon', task.id)).toEqual([]);
    expect(await reminders('tasks.overdue', task.id)).toEqual([]);
    clock.set(new Date('2026-03-23T01:00:00Z'));
    await run();
    expect(await reminders('tasks.dueSoon', task.id)).toEqual([{ user_id: id.chuyenvien1 }]);
    clock.set(new Date('2026-03-25T00:00:00Z'));
    await run();
    expect(await reminders('tasks.overdue', task.id)).toHaveLength(2);
    c.photruongphong = await t.login('photruongphong');
    expect(await listIds(t, c.photruongphong, '/api/tasks/assigned?lateness=overdue')).toContain(task.id);
  });
});

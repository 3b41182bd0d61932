import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TTaskBoard, TTaskDetail } from '../../../contracts/tasks';
import { samplePdf } from '../../platform/files/files.fixtures';
import { auditOf, call } from '../../test/api-helpers';
import { createTestApp, type TestApp } from '../../test/harness';
import { registerIncoming, upload } from '../incoming/incoming.test-helpers';
import { createTask, daysFromNow, listIds, notificationsOf, signInAll, step, unitId } from './tasks.test-helpers';

let t: TestApp;
let c: Record<string, string> = {};
let id: Record<string, string> = {};

const badge = async (username: string) => (await t.app.platform.badges.forUser(id[username])).tasksWaiting;
const detail = async (username: string, taskId: string) => {
  const res = await call(t, c[username], 'GET', `/api/tasks/${taskId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TTaskDetail;
};
const partOf = (d: TTaskDetail, userId: string) => d.assignments.find((a) => a.person.id === userId);

beforeAll(async () => {
  t = await createTestApp();
  ({ c, id } = await signInAll(t));
});
afterAll(() => t.close());

describe('a task kept for oneself', () => {
  it('is led and accepted by its creator, reported done and closed by them', async () => {
    const task = await createTask(t, c.chuyenvien1, { title: '  Soạn báo cáo tháng 3  ', priority: 'low' });
    expect(task.title).toBe('Soạn báo cáo tháng 3');
    expect(task.assignments).toHaveLength(1);
    expect(task.assignments[0]).toMatchObject({ role: 'lead', state: 'in_progress', person: { id: id.chuyenvien1 } });
    expect(task.abilities).toMatchObject({ report: true, accept: false, propose: false, close: true, assign: false });
    expect(await listIds(t, c.chuyenvien1, '/api/tasks/received/in_progress')).toContain(task.id);
    expect(await badge('chuyenvien1')).toBe(0);

    const half = await step(t, c.chuyenvien1, task.id, 'report', { progress: 50, comment: 'Đã có số liệu' });
    expect(half.progress).toBe(50);
    const done = await step(t, c.chuyenvien1, task.id, 'report', { progress: 100 });
    expect(done).toMatchObject({ status: 'done', progress: 100, stage: 'done' });
    const closed = await step(t, c.chuyenvien1, task.id, 'close', { comment: 'Xong' });
    expect(closed).toMatchObject({ status: 'closed', stage: 'closed', evaluation: 'Xong', rating: null });
    expect(await listIds(t, c.chuyenvien1, '/api/tasks/received/done')).toContain(task.id);
    expect((await auditOf(t, task.id)).map((a) => a.action)).toEqual([
      'task.create',
      'task.report',
      'task.report',
      'task.close',
    ]);
    expect(closed.events.map((e) => e.action)).toEqual(['create', 'report', 'report', 'close']);
  });
});

describe('a task given by a leader: accept, report with files, done, close and evaluate', () => {
  let task: TTaskDetail;
  let docId = '';

  it('creates the task with files, a related document and three roles', async () => {
    const doc = await registerIncoming(t, c.vanthu, { recipientIds: [id.photruongphong] });
    docId = doc.document.id;
    const file = await upload(t, c.photruongphong, 'ke-hoach-trien-khai.pdf', samplePdf('Ke hoach'));
    task = await createTask(t, c.photruongphong, {
      title: 'Triển khai kế hoạch tuyển sinh',
      description: 'Tổng hợp số liệu các trường, báo cáo trước hạn.',
      priority: 'high',
      startDate: daysFromNow(t, 0),
      dueDate: daysFromNow(t, 10),
      fileIds: [file.body.id],
      related: [{ kind: 'incoming', id: docId }],
      targets: [
        { userId: id.chuyenvien2, role: 'lead' },
        { userId: id.chuyenvien1, role: 'co' },
        { userId: id.truongphong, role: 'follow' },
      ],
    });
    expect(task).toMatchObject({ status: 'open', stage: 'waiting', priority: 'high', lead: 'Phạm Thị Thanh Xuân' });
    expect(task.files.map((f) => f.name)).toEqual(['ke-hoach-trien-khai.pdf']);
    expect(task.related).toEqual([
      { kind: 'incoming', id: docId, label: expect.stringMatching(/^Số đến 01\/\d{4} – Kế hoạch/) },
    ]);
    expect(task.assignments.map((a) => [a.role, a.state])).toEqual([
      ['lead', 'pending'],
      ['co', 'pending'],
      ['follow', 'in_progress'],
    ]);
    expect(task.abilities).toMatchObject({ urge: true, changeDue: true, close: true, cancel: true, report: false });
    expect(await badge('chuyenvien2')).toBe(1);
    expect(await badge('truongphong')).toBe(0);
    expect(await notificationsOf(t, id.chuyenvien2, task.id)).toEqual(['tasks.assigned']);
    expect(await notificationsOf(t, id.truongphong, task.id)).toEqual(['tasks.follow']);
    expect(await listIds(t, c.chuyenvien2, '/api/tasks/received/waiting')).toEqual([task.id]);
    expect(await listIds(t, c.truongphong, '/api/tasks/received/follow')).toEqual([task.id]);
    expect(await listIds(t, c.photruongphong, '/api/tasks/assigned')).toContain(task.id);
  });

  it('shows the handler what they may do and the related document of their unit', async () => {
    const seen = await detail('chuyenvien2', task.id);
    expect(seen.related[0].label).toMatch(/^Số đến 01/);
    expect(seen.abilities).toMatchObject({ accept: true, propose: true, handOn: true, report: false, close: false });
  });

  it('accepts: the badge drops and the assigner is told', async () => {
    const accepted = await step(t, c.chuyenvien2, task.id, 'accept', { comment: 'Đã nhận' });
    expect(partOf(accepted, id.chuyenvien2)?.state).toBe('in_progress');
    expect(accepted.abilities).toMatchObject({ report: true, accept: false });
    expect(await badge('chuyenvien2')).toBe(0);
    expect(await notificationsOf(t, id.photruongphong, task.id)).toContain('tasks.accepted');
    expect(await listIds(t, c.chuyenvien2, '/api/tasks/received/in_progress')).toContain(task.id);
    // Accepting twice is not possible.
    const again = await call(t, c.chuyenvien2, 'POST', `/api/tasks/${task.id}/accept`, {});
    expect(again.statusCode).toBe(409);
  });

  it('reports progress with a file that only people who see the task may download', async () => {
    const file = await upload(t, c.chuyenvien2, 'so-lieu.pdf', samplePdf('So lieu'));
    const reported = await step(t, c.chuyenvien2, task.id, 'report', {
      progress: 60,
      comment: 'Đã tổng hợp 2/3 trường',
      fileIds: [file.body.id],
    });
    expect(reported.progress).toBe(60);
    const ev = reported.events.find((e) => e.action === 'report');
    expect(ev).toMatchObject({ comment: 'Đã tổng hợp 2/3 trường', data: { progress: 60 } });
    expect(ev?.files.map((f) => f.name)).toEqual(['so-lieu.pdf']);
    const url = `/api/tasks/${task.id}/files/${file.body.id}/content`;
    expect((await call(t, c.photruongphong, 'GET', url)).statusCode).toBe(200);
    expect((await call(t, c['mn.gv1'], 'GET', url)).statusCode).toBe(404);
    expect(await notificationsOf(t, id.photruongphong, task.id)).toContain('tasks.report');
  });

  it('is done when its lead reports 100 %, and closed with a rating by the assigner', async () => {
    await step(t, c.chuyenvien1, task.id, 'accept', {});
    await step(t, c.chuyenvien1, task.id, 'report', { progress: 100 });
    expect((await detail('photruongphong', task.id)).status).toBe('open');
    const done = await step(t, c.chuyenvien2, task.id, 'report', { progress: 100, comment: 'Hoàn thành' });
    expect(done).toMatchObject({ status: 'done', progress: 100, stage: 'done' });
    expect(await notificationsOf(t, id.photruongphong, task.id)).toContain('tasks.done');
    expect(await listIds(t, c.chuyenvien2, '/api/tasks/received/done')).toContain(task.id);
    // Only the assigner closes it.
    expect((await call(t, c.chuyenvien2, 'POST', `/api/tasks/${task.id}/close`, { rating: 5 })).statusCode).toBe(409);
    const closed = await step(t, c.photruongphong, task.id, 'close', {
      rating: 5,
      comment: 'Đúng hạn, chất lượng tốt',
    });
    expect(closed).toMatchObject({ status: 'closed', rating: 5, evaluation: 'Đúng hạn, chất lượng tốt' });
    expect(closed.closedBy).toBe('Trần Minh Quang');
    expect(await notificationsOf(t, id.chuyenvien2, task.id)).toContain('tasks.closed');
    const audit = (await auditOf(t, task.id)).map((a) => a.action);
    expect(audit).toEqual(expect.arrayContaining(['task.create', 'task.accept', 'task.report', 'task.close']));
  });
});

describe('units, hand-on and proposals', () => {
  it("gives a unit's part to its leaders; the first to take it up holds it", async () => {
    const pgd = await unitId(t, 'PGDDT');
    const task = await createTask(t, c['th.hieutruong'], {
      title: 'Đề nghị Phòng hỗ trợ thiết bị dạy học',
      targets: [{ unitId: pgd, role: 'lead' }],
    });
    expect(task.assignments.map((a) => a.person.id).sort()).toEqual([id.truongphong, id.photruongphong].sort());
    expect(task.assignments.every((a) => a.viaUnit === 'Phòng Giáo dục và Đào tạo huyện An Minh')).toBe(true);
    expect(await badge('truongphong')).toBe(1);
    const before = await badge('photruongphong');
    await step(t, c.photruongphong, task.id, 'accept', {});
    expect(await badge('truongphong')).toBe(0);
    expect(await badge('photruongphong')).toBe(before - 1);
    const after = await detail('th.hieutruong', task.id);
    expect(partOf(after, id.truongphong)?.state).toBe('withdrawn');
    expect(partOf(after, id.photruongphong)?.state).toBe('in_progress');
  });

  it('hands a part on to another person; the assigner is told and the trail keeps it', async () => {
    const th = await unitId(t, 'THAM');
    const task = await createTask(t, c.photruongphong, {
      title: 'Kiểm tra cơ sở vật chất trường Tiểu học',
      dueDate: daysFromNow(t, 7),
      targets: [{ unitId: th, role: 'lead' }],
    });
    expect(task.assignments.map((a) => a.person.id)).toEqual([id['th.hieutruong']]);
    const handed = await step(t, c['th.hieutruong'], task.id, 'hand-on', {
      userId: id['th.gv1'],
      comment: 'Giao thầy Đức kiểm tra',
    });
    expect(partOf(handed, id['th.hieutruong'])?.state).toBe('handed_over');
    expect(partOf(handed, id['th.gv1'])).toMatchObject({ role: 'lead', state: 'pending', assignedBy: 'Võ Văn Tâm' });
    expect(handed.events.at(-1)).toMatchObject({
      action: 'hand-on',
      data: { from: 'Võ Văn Tâm', to: 'Huỳnh Văn Đức' },
    });
    expect(await badge('th.hieutruong')).toBe(0);
    expect(await badge('th.gv1')).toBe(1);
    expect(await notificationsOf(t, id.photruongphong, task.id)).toContain('tasks.handedOn');
    expect(await notificationsOf(t, id['th.gv1'], task.id)).toEqual(['tasks.assigned']);
    // The one who handed it on still sees it, among the finished ones.
    expect(await listIds(t, c['th.hieutruong'], '/api/tasks/received/done')).toContain(task.id);
    const self = await call(t, c['th.gv1'], 'POST', `/api/tasks/${task.id}/hand-on`, { userId: id['th.gv1'] });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.fields[0].path).toBe('body.userId');
  });

  it('lets the assignee propose a plan and a due date; the assigner refuses, then approves', async () => {
    const task = await createTask(t, c.photruongphong, {
      title: 'Xây dựng kế hoạch bồi dưỡng giáo viên',
      dueDate: daysFromNow(t, 5),
      targets: [{ userId: id.chuyenvien2, role: 'lead' }],
    });
    const leaderBadge = await badge('photruongphong');
    const proposed = await step(t, c.chuyenvien2, task.id, 'propose', {
      plan: 'Khảo sát nhu cầu trước, xây dựng kế hoạch sau',
      dueDate: daysFromNow(t, 12),
    });
    const mine = partOf(proposed, id.chuyenvien2);
    expect(mine).toMatchObject({
      state: 'proposed',
      proposal: { plan: 'Khảo sát nhu cầu trước, xây dựng kế hoạch sau' },
    });
    expect(await badge('chuyenvien2')).toBe(0);
    expect(await badge('photruongphong')).toBe(leaderBadge + 1);
    expect(await listIds(t, c.photruongphong, '/api/tasks/assigned?proposals=1')).toEqual([task.id]);
    const board = (await call(t, c.photruongphong, 'GET', '/api/tasks/board')).json() as TTaskBoard;
    expect(board.proposals).toBe(1);
    const seen = await detail('photruongphong', task.id);
    expect(partOf(seen, id.chuyenvien2)?.canDecide).toBe(true);
    expect(seen.proposals).toBe(1);

    const url = (what: string) => `/api/tasks/${task.id}/proposals/${mine?.id}/${what}`;
    expect((await call(t, c.chuyenvien2, 'POST', url('approve'), {})).statusCode).toBe(409);
    const noReason = await call(t, c.photruongphong, 'POST', url('reject'), { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    const rejected = (await call(t, c.photruongphong, 'POST', url('reject'), { reason: 'Cần xong sớm hơn' })).json();
    expect(partOf(rejected, id.chuyenvien2)).toMatchObject({ state: 'pending', proposal: null });
    expect(await badge('chuyenvien2')).toBe(1);
    expect(await notificationsOf(t, id.chuyenvien2, task.id)).toContain('tasks.rejected');

    const again = await step(t, c.chuyenvien2, task.id, 'propose', {
      plan: 'Làm song song',
      dueDate: daysFromNow(t, 8),
    });
    const approved = (
      await call(
        t,
        c.photruongphong,
        'POST',
        `/api/tasks/${task.id}/proposals/${partOf(again, id.chuyenvien2)?.id}/approve`,
        {},
      )
    ).json() as TTaskDetail;
    expect(partOf(approved, id.chuyenvien2)).toMatchObject({ state: 'in_progress', dueDate: daysFromNow(t, 8) });
    // The lead's due date is the task's.
    expect(approved.dueDate).toBe(daysFromNow(t, 8));
    expect(approved.events.map((e) => e.action)).toEqual([
      'create',
      'assign',
      'propose',
      'reject',
      'propose',
      'approve',
    ]);
    expect(await badge('photruongphong')).toBe(leaderBadge);
    expect(await badge('chuyenvien2')).toBe(0);
  });
});

describe('follow-up by the assigner: urge, change the due date, sub-tasks, cancel, board', () => {
  let task: TTaskDetail;

  beforeAll(async () => {
    task = await createTask(t, c.photruongphong, {
      title: 'Rà soát hồ sơ phổ cập giáo dục',
      dueDate: daysFromNow(t, 3),
      targets: [
        { userId: id.chuyenvien2, role: 'lead' },
        { userId: id.chuyenvien1, role: 'co' },
      ],
    });
  });

  it('urges the open assignees with a message kept in the trail', async () => {
    const urged = await step(t, c.photruongphong, task.id, 'urge', { message: 'Đề nghị khẩn trương hoàn thành' });
    expect(urged.events.at(-1)).toMatchObject({ action: 'urge', comment: 'Đề nghị khẩn trương hoàn thành' });
    expect(urged.events.at(-1)?.data.names).toEqual(['Phạm Thị Thanh Xuân', 'Lê Hoàng Nam']);
    expect(await notificationsOf(t, id.chuyenvien2, task.id)).toContain('tasks.urge');
    expect(await notificationsOf(t, id.chuyenvien1, task.id)).toContain('tasks.urge');
    // A co-handler may not urge; someone outside does not see the task at all.
    expect((await call(t, c.chuyenvien1, 'POST', `/api/tasks/${task.id}/urge`, { message: 'Nhanh' })).statusCode).toBe(
      409,
    );
    expect((await call(t, c['mn.gv1'], 'POST', `/api/tasks/${task.id}/urge`, { message: 'Nhanh' })).statusCode).toBe(
      404,
    );
    expect((await auditOf(t, task.id)).map((a) => a.action)).toContain('task.urge');
  });

  it('changes the due date with a reason; the people working on it are told', async () => {
    const bad = await call(t, c.photruongphong, 'POST', `/api/tasks/${task.id}/change-due`, {
      dueDate: daysFromNow(t, -1),
      reason: 'Lùi',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('body.dueDate');
    const noReason = await call(t, c.photruongphong, 'POST', `/api/tasks/${task.id}/change-due`, {
      dueDate: daysFromNow(t, 9),
    });
    expect(noReason.json().error.fields[0].path).toBe('body.reason');
    const moved = await step(t, c.photruongphong, task.id, 'change-due', {
      dueDate: daysFromNow(t, 9),
      reason: 'Chờ số liệu của Sở',
    });
    expect(moved.dueDate).toBe(daysFromNow(t, 9));
    expect(moved.events.at(-1)).toMatchObject({
      action: 'change-due',
      comment: 'Chờ số liệu của Sở',
      data: { from: daysFromNow(t, 3), to: daysFromNow(t, 9) },
    });
    expect(await notificationsOf(t, id.chuyenvien2, task.id)).toContain('tasks.dueChanged');
    const audit = (await auditOf(t, task.id)).find((a) => a.action === 'task.changeDue');
    expect(audit?.before).toEqual({ dueDate: daysFromNow(t, 3) });
    expect(
      (
        await call(t, c.chuyenvien2, 'POST', `/api/tasks/${task.id}/change-due`, {
          dueDate: daysFromNow(t, 20),
          reason: 'Xin thêm thời gian',
        })
      ).statusCode,
    ).toBe(409);
  });

  it('lets the lead split the work into sub-tasks the assigner sees too', async () => {
    await step(t, c.chuyenvien2, task.id, 'accept', {});
    const sub = await createTask(t, c.chuyenvien2, {
      title: 'Rà soát hồ sơ xã Đông Hòa',
      parentId: task.id,
      dueDate: daysFromNow(t, 5),
    });
    expect(sub.parent).toEqual({ id: task.id, title: 'Rà soát hồ sơ phổ cập giáo dục' });
    const parent = await detail('photruongphong', task.id);
    expect(parent.subtasks.map((s) => s.id)).toEqual([sub.id]);
    expect(parent.subtaskCount).toBe(1);
    expect(parent.events.at(-1)).toMatchObject({ action: 'subtask', data: { taskId: sub.id } });
    expect((await detail('photruongphong', sub.id)).title).toBe('Rà soát hồ sơ xã Đông Hòa');
    // A co-handler who has not accepted may not add sub-tasks.
    const res = await call(t, c.chuyenvien1, 'POST', '/api/tasks', { title: 'Việc con', parentId: task.id });
    expect(res.statusCode).toBe(409);
  });

  it('shows the board by stage and lateness', async () => {
    const board = (await call(t, c.photruongphong, 'GET', '/api/tasks/board')).json() as TTaskBoard;
    expect(board.stages.closed).toBeGreaterThanOrEqual(1);
    expect(board.stages.waiting + board.stages.in_progress).toBeGreaterThanOrEqual(2);
    // The lead took it up: in progress, though the co-handler has not accepted yet.
    expect(await listIds(t, c.photruongphong, '/api/tasks/assigned?stage=in_progress')).toContain(task.id);
    expect(await listIds(t, c.photruongphong, '/api/tasks/assigned?stage=waiting')).not.toContain(task.id);
    expect(await listIds(t, c.photruongphong, '/api/tasks/assigned?stage=closed')).not.toContain(task.id);
    expect(await listIds(t, c.photruongphong, '/api/tasks/assigned?q=pho cap')).toEqual([task.id]);
    expect(await listIds(t, c.photruongphong, '/api/tasks/assigned?lateness=overdue')).toEqual([]);
  });

  it('cancels with a reason: the waiting part leaves the badge and the boxes', async () => {
    expect(await badge('chuyenvien1')).toBe(1);
    const cancelled = await step(t, c.photruongphong, task.id, 'cancel', { reason: 'Sở đã thu hồi yêu cầu' });
    expect(cancelled).toMatchObject({ status: 'cancelled', stage: 'cancelled', cancelReason: 'Sở đã thu hồi yêu cầu' });
    expect(cancelled.abilities).toMatchObject({ urge: false, close: false, cancel: false, report: false });
    expect(await badge('chuyenvien1')).toBe(0);
    expect(await listIds(t, c.chuyenvien1, '/api/tasks/received/waiting')).not.toContain(task.id);
    expect(await listIds(t, c.chuyenvien1, '/api/tasks/received/done')).toContain(task.id);
    const rows = await t.db.rows(sql`SELECT 1 FROM tasks WHERE id = ${task.id}::uuid`);
    expect(rows).toHaveLength(1);
  });
});

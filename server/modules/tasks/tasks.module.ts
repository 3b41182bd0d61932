import { registerPermissions } from '../../platform/authz/permissions';
import type { AppModule } from '../../platform/platform';
import { TasksFlowService } from './tasks-flow.service';
import { TasksListsRepository } from './tasks-lists.repository';
import { TasksListsService } from './tasks-lists.service';
import type { TasksDeps } from './tasks.deps';
import { TASK_PERMISSIONS } from './tasks.policy';
import { registerReminderJobs } from './tasks.reminders';
import { TasksRepository } from './tasks.repository';
import { tasksRoutes } from './tasks.routes';
import { TasksService } from './tasks.service';

/** Module tasks (Việc giao, Việc nhận — Điều 3.2a–b, 3.7k, 4.4): routes, the "Xem công việc" badge, reminder jobs. */
export const tasksModule: AppModule = {
  name: 'tasks',
  register(app, platform) {
    registerPermissions('tasks', TASK_PERMISSIONS);
    const lists = new TasksListsRepository(platform.db);
    const deps: TasksDeps = {
      tx: platform.db,
      repo: new TasksRepository(platform.db),
      lists,
      files: platform.files,
      audit: platform.audit,
      notifier: platform.notifier,
      realtime: platform.realtime,
      jobs: platform.jobs,
      clock: platform.clock,
      settings: platform.settings,
    };
    const tasks = new TasksService(deps);
    const flow = new TasksFlowService(deps, tasks);
    tasksRoutes(app, { tasks, flow, lists: new TasksListsService(deps), files: platform.files });
    platform.badges.register('tasksWaiting', (userId) => lists.waitingCount(userId));
    registerReminderJobs(platform.jobRunner, deps);
  },
};

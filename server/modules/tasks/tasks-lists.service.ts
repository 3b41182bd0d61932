import { vnDate } from '../../../contracts/calendar';
import {
  TASK_LATENESS,
  TASK_RECEIVED_BOXES,
  TASK_STAGES,
  type TAssignedQuery,
  type TReceivedCounts,
  type TTaskBoard,
  type TTaskPage,
  type TTaskReceivedBox,
  ZAssignedQuery,
} from '../../../contracts/tasks';
import { type RequestContext, principalOf } from '../../platform/authz/actor';
import type { TasksDeps } from './tasks.deps';
import { authorizeUse } from './tasks.policy';

/** The lists of tasks: "Việc nhận" boxes, "Việc giao" list and board. */
export class TasksListsService {
  constructor(private readonly d: TasksDeps) {}

  private today(): string {
    return vnDate(this.d.clock.now());
  }

  /** One received box of the user (the delegator's under a delegation). */
  async received(ctx: RequestContext, box: TTaskReceivedBox, page: number, pageSize: number): Promise<TTaskPage> {
    const actor = authorizeUse(ctx.actor);
    const res = await this.d.lists.received(box, { viewer: principalOf(actor), today: this.today(), page, pageSize });
    return { ...res, page, pageSize };
  }

  /** How many tasks each received box holds. */
  async receivedCounts(ctx: RequestContext): Promise<TReceivedCounts> {
    const actor = authorizeUse(ctx.actor);
    const me = principalOf(actor);
    const counts = await Promise.all(TASK_RECEIVED_BOXES.map((b) => this.d.lists.receivedCount(b, me)));
    return Object.fromEntries(TASK_RECEIVED_BOXES.map((b, i) => [b, counts[i]])) as TReceivedCounts;
  }

  /** Tasks the user created, filtered. */
  async assigned(ctx: RequestContext, query: TAssignedQuery): Promise<TTaskPage> {
    const actor = authorizeUse(ctx.actor);
    const q = ZAssignedQuery.parse(query);
    const res = await this.d.lists.assigned(q, { viewer: principalOf(actor), today: this.today() });
    return { ...res, page: q.page, pageSize: q.pageSize };
  }

  /** The board of the user's created tasks: counts by stage, lateness of the open ones, proposals to decide. */
  async board(ctx: RequestContext): Promise<TTaskBoard> {
    const actor = authorizeUse(ctx.actor);
    const { rows, proposals } = await this.d.lists.board(principalOf(actor), this.today());
    const stages = Object.fromEntries(TASK_STAGES.map((s) => [s, 0])) as TTaskBoard['stages'];
    const lateness = Object.fromEntries(TASK_LATENESS.map((l) => [l, 0])) as TTaskBoard['lateness'];
    for (const r of rows) {
      stages[r.stage] += Number(r.n);
      if (r.stage === 'waiting' || r.stage === 'in_progress') lateness[r.lateness] += Number(r.n);
    }
    return { stages, lateness, proposals };
  }
}

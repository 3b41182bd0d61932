import { vnDate } from '../../../contracts/calendar';
import {
  INCOMING_BOXES,
  SEARCH_COUNT_CAP,
  type TBoxCounts,
  type TIncomingBox,
  type TIncomingPage,
  type TIncomingSearch,
  ZIncomingSearch,
} from '../../../contracts/incoming';
import { type RequestContext, principalOf, signedIn } from '../../platform/authz/actor';
import type { IncomingDeps } from './incoming.deps';
import { classifyScopeSql, visibleSql } from './incoming.policy';

/** Tìm kiếm văn bản đến and the work boxes. Every query carries the policy's visibility SQL. */
export class IncomingSearchService {
  constructor(private readonly d: IncomingDeps) {}

  async search(ctx: RequestContext, query: TIncomingSearch): Promise<TIncomingPage> {
    const actor = signedIn(ctx);
    const p = ZIncomingSearch.parse(query);
    const today = vnDate(this.d.clock.now());
    const { items, total, capped } = await this.d.lists.search(p, {
      viewer: principalOf(actor),
      visible: visibleSql(actor),
      today,
    });
    return { items, total, totalCapped: capped, page: p.page, pageSize: p.pageSize };
  }

  /** The whole result of a search (up to SEARCH_COUNT_CAP rows), for the XLSX export. */
  async searchAll(ctx: RequestContext, query: TIncomingSearch) {
    const actor = signedIn(ctx);
    const p = ZIncomingSearch.parse(query);
    const today = vnDate(this.d.clock.now());
    const { items } = await this.d.lists.search(
      p,
      { viewer: principalOf(actor), visible: visibleSql(actor), today },
      SEARCH_COUNT_CAP,
    );
    return items;
  }

  async box(ctx: RequestContext, box: TIncomingBox, page: number, pageSize: number): Promise<TIncomingPage> {
    const actor = signedIn(ctx);
    const { items, total } = await this.d.lists.box(box, {
      viewer: principalOf(actor),
      classifyScope: classifyScopeSql(actor),
      today: vnDate(this.d.clock.now()),
      page,
      pageSize,
    });
    return { items, total, totalCapped: false, page, pageSize };
  }

  /** How many documents wait in each box of the user (the tabs show the numbers). */
  async boxCounts(ctx: RequestContext): Promise<TBoxCounts> {
    const actor = signedIn(ctx);
    const me = principalOf(actor);
    const scope = classifyScopeSql(actor);
    const counts = await Promise.all(
      INCOMING_BOXES.map((b) => (b === 'handled' ? Promise.resolve(0) : this.d.lists.boxCount(b, me, scope))),
    );
    return Object.fromEntries(INCOMING_BOXES.map((b, i) => [b, counts[i]])) as TBoxCounts;
  }
}

import {
  LINK_TREE_DEPTH,
  LINK_TREE_MAX_NODES,
  type TDocumentRef,
  type TDocumentSummary,
  type TLinkCreate,
  type TLinkNode,
  type TLinkRelation,
  type TLinkTree,
  ZLinkCreate,
} from '../../../contracts/links';
import type { Audit } from '../../platform/audit/audit.repository';
import type { RequestContext } from '../../platform/authz/actor';
import type { Clock } from '../../platform/clock';
import type { TxRunner } from '../../platform/db/tx';
import { type DocumentKinds, documentKey } from '../../platform/documents';
import { AppError } from '../../platform/errors';
import { authorizeLinker, authorizeReader, canRemoveLink } from './links.policy';
import type { LinksRepository } from './links.repository';

export interface LinksDeps {
  tx: TxRunner;
  repo: LinksRepository;
  documents: DocumentKinds;
  audit: Audit;
  clock: Clock;
}

const same = (a: TDocumentRef, b: TDocumentRef) => a.kind === b.kind && a.id === b.id;

/**
 * Tạo liên kết văn bản (Điều 3.1e): typed links between documents of any kind, and the tree of
 * everything linked to one document. Documents are reached through platform.documents, so a
 * link shows only documents the actor may see, whatever module they belong to.
 */
export class LinksService {
  constructor(private readonly d: LinksDeps) {}

  /**
   * Links `from` to `to` inside the caller's transaction, for modules that link as part of their
   * own work (a reply drafted from an incoming document replies_to it). The caller has already
   * checked that the actor may do this; an identical active link is reused. Returns the link id.
   */
  async linkInTransaction(
    ctx: RequestContext,
    from: TDocumentRef,
    to: TDocumentRef,
    relation: TLinkRelation,
    note: string | null = null,
  ): Promise<string> {
    const actor = authorizeReader(ctx.actor);
    if (same(from, to)) throw new AppError('VALIDATION_FAILED', { field: 'body.to' });
    return this.d.tx.transaction(async () => {
      await this.d.repo.lockPair(from, to);
      const existing = await this.d.repo.findActive(from, to, relation);
      if (existing) return existing;
      const id = await this.d.repo.insert({ from, to, relation, note, createdBy: actor.userId });
      await this.d.audit.record(ctx, {
        action: 'document.link',
        entityType: 'document_link',
        entityId: id,
        after: { from, to, relation, note },
      });
      return id;
    });
  }

  /**
   * Adds a link the actor asked for: they hold documents.link and see both documents (a
   * document they may not see answers 404, as if it did not exist); the same link twice is 409.
   */
  async create(ctx: RequestContext, body: TLinkCreate): Promise<{ id: string }> {
    const actor = authorizeLinker(ctx.actor);
    const input = ZLinkCreate.parse(body);
    if (same(input.from, input.to)) throw new AppError('VALIDATION_FAILED', { field: 'body.to' });
    const seen = await this.d.documents.describe(actor, [input.from, input.to]);
    if (!seen.has(documentKey(input.from)) || !seen.has(documentKey(input.to))) throw new AppError('NOT_FOUND');
    return this.d.tx.transaction(async () => {
      await this.d.repo.lockPair(input.from, input.to);
      if (await this.d.repo.findActive(input.from, input.to, input.relation)) throw new AppError('DUPLICATE');
      const id = await this.linkInTransaction(ctx, input.from, input.to, input.relation, input.note ?? null);
      return { id };
    });
  }

  /** Removes a link (removed_at; the row stays): documents.link and both ends visible, else 404. */
  async remove(ctx: RequestContext, id: string): Promise<{ ok: true }> {
    const actor = authorizeLinker(ctx.actor);
    await this.d.tx.transaction(async () => {
      const link = await this.d.repo.active(id, true);
      if (!link) throw new AppError('NOT_FOUND');
      const seen = await this.d.documents.describe(actor, [link.from, link.to]);
      if (!seen.has(documentKey(link.from)) || !seen.has(documentKey(link.to))) throw new AppError('NOT_FOUND');
      await this.d.repo.remove(id, actor.userId, this.d.clock.now());
      await this.d.audit.record(ctx, {
        action: 'document.unlink',
        entityType: 'document_link',
        entityId: id,
        before: { from: link.from, to: link.to, relation: link.relation, note: link.note },
      });
    });
    return { ok: true };
  }

  /**
   * The tree of everything linked to a document: links followed both ways, breadth first, up to
   * LINK_TREE_DEPTH links away; each document appears once (a cycle ends where it meets a
   * document already shown) and only documents the actor may see are shown or walked through.
   */
  async tree(ctx: RequestContext, ref: TDocumentRef): Promise<TLinkTree> {
    const actor = authorizeReader(ctx.actor);
    const root = await this.d.documents.describeOne(actor, ref);
    if (!root) throw new AppError('NOT_FOUND');
    const removable = canRemoveLink(actor);
    const visited = new Set([documentKey(ref)]);
    const nodes: TLinkNode[] = [];
    let truncated = false;
    // Documents reached at the last level, with the link that reached each (null: the root).
    let frontier = new Map<string, { ref: TDocumentRef; viaLink: string | null }>([
      [documentKey(ref), { ref, viaLink: null }],
    ]);
    for (let depth = 1; depth <= LINK_TREE_DEPTH && frontier.size > 0 && !truncated; depth++) {
      const links = await this.d.repo.touching([...frontier.values()].map((f) => f.ref));
      const candidates: TDocumentRef[] = [];
      for (const l of links) {
        for (const end of [l.from, l.to]) if (!visited.has(documentKey(end))) candidates.push(end);
      }
      const seen = await this.d.documents.describe(actor, candidates);
      const next = new Map<string, { ref: TDocumentRef; viaLink: string | null }>();
      for (const l of links) {
        const fromParent = frontier.get(documentKey(l.from));
        const toParent = frontier.get(documentKey(l.to));
        const parent = fromParent ?? toParent;
        if (!parent) continue;
        const other = fromParent ? l.to : l.from;
        const key = documentKey(other);
        const doc: TDocumentSummary | undefined = seen.get(key);
        if (visited.has(key) || !doc) continue;
        if (nodes.length >= LINK_TREE_MAX_NODES) {
          truncated = true;
          break;
        }
        visited.add(key);
        nodes.push({
          linkId: l.id,
          parentLinkId: parent.viaLink,
          depth,
          relation: l.relation,
          direction: fromParent ? 'out' : 'in',
          note: l.note,
          createdBy: l.createdBy,
          createdAt: l.createdAt,
          canRemove: removable,
          document: doc,
        });
        next.set(key, { ref: other, viaLink: l.id });
      }
      frontier = next;
    }
    return { root, nodes, truncated, canLink: removable, kinds: this.d.documents.kinds() };
  }

  /** Documents of one kind to link to (documents.link): those the actor sees, by subject or number. */
  async search(ctx: RequestContext, q: { kind: TDocumentRef['kind']; q: string; limit: number }) {
    const actor = authorizeLinker(ctx.actor);
    return this.d.documents.search(actor, q.kind, q.q, q.limit);
  }
}

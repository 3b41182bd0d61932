import type { TDocumentKind, TDocumentRef, TDocumentSummary } from '../../contracts/links';
import type { Actor } from './authz/actor';

export type { TDocumentKind, TDocumentRef, TDocumentSummary } from '../../contracts/links';

/**
 * How one kind of document is shown to the links (Điều 3.1e) and to anything else that names
 * documents of several modules. Both functions apply the module's own visibility in SQL: a
 * document the actor may not see is simply absent from the answer.
 */
export interface DocumentKindResolver {
  /** The documents among `ids` the actor may see (any order; missing and hidden ones left out). */
  describe(actor: Actor, ids: readonly string[]): Promise<TDocumentSummary[]>;
  /** Documents the actor may see whose subject (no diacritics needed) or number matches `q`, newest first. */
  search(actor: Actor, q: string, limit: number): Promise<TDocumentSummary[]>;
}

/** Key of a document across kinds: `incoming:<id>`. */
export function documentKey(ref: TDocumentRef): string {
  return `${ref.kind}:${ref.id}`;
}

/**
 * The registry of document kinds on the Platform. Each module registers its kind in its
 * `register()`; the links module (and later reports, folders …) reach every kind through here,
 * so no module imports another.
 */
export class DocumentKinds {
  private readonly resolvers = new Map<TDocumentKind, DocumentKindResolver>();

  register(kind: TDocumentKind, resolver: DocumentKindResolver): void {
    if (this.resolvers.has(kind)) throw new Error(`document kind ${kind} registered twice`);
    this.resolvers.set(kind, resolver);
  }

  /** Kinds that have a resolver, in registration order. */
  kinds(): TDocumentKind[] {
    return [...this.resolvers.keys()];
  }

  has(kind: TDocumentKind): boolean {
    return this.resolvers.has(kind);
  }

  /**
   * The documents among `refs` the actor may see, by `documentKey`; one query per kind. An
   * unregistered kind answers nothing.
   */
  async describe(actor: Actor, refs: readonly TDocumentRef[]): Promise<Map<string, TDocumentSummary>> {
    const byKind = new Map<TDocumentKind, string[]>();
    for (const r of refs) {
      const list = byKind.get(r.kind) ?? [];
      if (!list.includes(r.id)) list.push(r.id);
      byKind.set(r.kind, list);
    }
    const out = new Map<string, TDocumentSummary>();
    const answers = await Promise.all(
      [...byKind.entries()].map(([kind, ids]) => this.resolvers.get(kind)?.describe(actor, ids) ?? []),
    );
    for (const list of answers) for (const d of list) out.set(documentKey(d), d);
    return out;
  }

  /** One document if the actor may see it, else null. */
  async describeOne(actor: Actor, ref: TDocumentRef): Promise<TDocumentSummary | null> {
    return (await this.describe(actor, [ref])).get(documentKey(ref)) ?? null;
  }

  /** Documents of one kind the actor may see matching `q` (empty for an unregistered kind). */
  search(actor: Actor, kind: TDocumentKind, q: string, limit: number): Promise<TDocumentSummary[]> {
    return this.resolvers.get(kind)?.search(actor, q, limit) ?? Promise.resolve([]);
  }
}

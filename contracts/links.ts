import { z } from 'zod';
import { normalizeText } from './text';

/**
 * Contracts of "Tạo liên kết văn bản" (Điều 3.1e): typed relations between documents of any
 * kind and the tree of everything linked to one document. Shared by server and web.
 */

/** Kinds of documents that can be linked. A kind works once its module registers a resolver. */
export const DOCUMENT_KINDS = ['incoming', 'outgoing', 'internal', 'archived'] as const;
export type TDocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * How `from` relates to `to`: replies to (trả lời), implements (thực hiện), replaces (thay thế),
 * amends (sửa đổi, bổ sung), related (liên quan).
 */
export const LINK_RELATIONS = ['replies_to', 'implements', 'replaces', 'amends', 'related'] as const;
export type TLinkRelation = (typeof LINK_RELATIONS)[number];

/** The tree stops this many links away from the document it starts from. */
export const LINK_TREE_DEPTH = 5;
/** At most this many documents in one tree (the rest is cut, `truncated` says so). */
export const LINK_TREE_MAX_NODES = 200;
export const LINK_NOTE_MAX = 500;

const uuid = z.string().uuid();

/** A document as every module describes it for links: what the tree and the search show. */
export const ZDocumentSummary = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  id: uuid,
  /** Subject (trích yếu). */
  title: z.string(),
  /** Number and notation as written on the document (`15/QĐ-PGDĐT`), or the arrival number. */
  code: z.string().nullable(),
  /** yyyy-mm-dd: issued date, or the arrival date of an incoming document. */
  date: z.string().nullable(),
  /** Type name (Quyết định, Tờ trình …) when known. */
  typeName: z.string().nullable(),
  /** Where the web opens it (`/app/incoming-view?doc=<id>`). */
  link: z.string(),
});
export type TDocumentSummary = z.infer<typeof ZDocumentSummary>;

export const ZDocumentRef = z.object({ kind: z.enum(DOCUMENT_KINDS), id: uuid });
export type TDocumentRef = z.infer<typeof ZDocumentRef>;

/** POST /api/links: `from` <relation> `to` (the reply replies_to the incoming document). */
export const ZLinkCreate = z
  .object({
    from: ZDocumentRef,
    to: ZDocumentRef,
    relation: z.enum(LINK_RELATIONS),
    note: z
      .string()
      .transform(normalizeText)
      .pipe(z.string().max(LINK_NOTE_MAX))
      .transform((v) => (v === '' ? null : v))
      .nullable()
      .optional(),
  })
  .strict();
export type TLinkCreate = z.input<typeof ZLinkCreate>;

export const ZLinkIdParams = z.object({ id: uuid });

/** GET /api/links/tree?kind=&id= */
export const ZLinkTreeQuery = ZDocumentRef;

/**
 * One document of the tree, reached through one link from its parent (`parentLinkId` null: the
 * parent is the root). `direction` says which way the link points: `out` = the parent is `from`
 * (the parent replies to this one), `in` = this one is `from` (this one replies to the parent).
 * The list is flat, parents before children (breadth first); the web nests it.
 */
export const ZLinkNode = z.object({
  linkId: uuid,
  parentLinkId: uuid.nullable(),
  depth: z.number().int().min(1),
  relation: z.enum(LINK_RELATIONS),
  direction: z.enum(['out', 'in']),
  note: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  /** The actor may remove this link. */
  canRemove: z.boolean(),
  document: ZDocumentSummary,
});
export type TLinkNode = z.infer<typeof ZLinkNode>;

export const ZLinkTree = z.object({
  root: ZDocumentSummary,
  nodes: z.array(ZLinkNode),
  /** The tree was cut at LINK_TREE_MAX_NODES documents. */
  truncated: z.boolean(),
  /** The actor may add links from this document (documents.link). */
  canLink: z.boolean(),
  /** Kinds whose documents can be searched and linked now. */
  kinds: z.array(z.enum(DOCUMENT_KINDS)),
});
export type TLinkTree = z.infer<typeof ZLinkTree>;

/** GET /api/links/search: documents of one kind the actor may see, by subject or number. */
export const ZLinkSearchQuery = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  q: z.string().trim().max(200).default(''),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const ZDocumentSummaries = z.array(ZDocumentSummary);

export const ZLinkCreated = z.object({ id: uuid });

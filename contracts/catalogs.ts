import { z } from 'zod';
import { foldDiacritics, normalizeText } from './text';

/**
 * Contracts of "Danh mục chuẩn văn bản" (admin-catalogs, Điều 3.6f): document types with their
 * ND30 abbreviations, issuing organs, confidentiality and urgency levels, fields (lĩnh vực).
 * The read routes serve every document module; the admin routes need admin.catalogs.
 */

/** The small catalogs kept in catalog_entries. */
export const LEVEL_CATALOGS = ['confidentiality', 'urgency', 'field'] as const;
export const ZLevelCatalog = z.enum(LEVEL_CATALOGS);
export type TLevelCatalog = z.infer<typeof ZLevelCatalog>;

/**
 * Type abbreviation as ND30 Phụ lục III writes it: an upper-case first letter, then letters,
 * where a lower-case letter is kept for the ND30 spellings QyĐ, CTr, TTr (and TrS for copies).
 */
export const ABBREVIATION_PATTERN = /^[A-ZĐ][A-ZĐa-z]{0,9}$/;
/** Stable code of a catalog entry (rules use it, e.g. confidentiality `mat`). */
export const ENTRY_CODE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** edXML OrganId (QCVN 102:2016), e.g. 000.00.31.H33. */
export const ORGAN_ID_PATTERN = /^[A-Za-z0-9._-]+$/;
/** Email, checked the same way by server and web. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Field limits shared by server and forms. */
export const CATALOG_LIMITS = {
  typeName: 120,
  abbreviation: 10,
  organName: 300,
  organShortName: 30,
  organId: 30,
  address: 500,
  email: 200,
  entryName: 120,
  entryCode: 40,
} as const;

// ── Issuing organ names ───────────────────────────────────────────────────────

/** Whole-word abbreviations of organ names, after folding (no diacritics, lower case). */
const WORD_ABBREVIATIONS: Record<string, string> = {
  ubnd: 'uy ban nhan dan',
  hdnd: 'hoi dong nhan dan',
  tp: 'thanh pho',
  thcs: 'trung hoc co so',
  thpt: 'trung hoc pho thong',
  hcm: 'ho chi minh',
};

/** Abbreviations written with a dot at the start of a word ("H. An Minh", "TP.Rạch Giá"). */
const DOTTED_ABBREVIATIONS: Record<string, string> = {
  tp: 'thanh pho',
  tx: 'thi xa',
  h: 'huyen',
  t: 'tinh',
  x: 'xa',
};

/** "Sở / Phòng / Bộ" glued to "GD&ĐT" in the usual short forms (SGDĐT, PGD&ĐT, BGDĐT). */
const GDDT_PREFIX: Record<string, string> = { '': '', s: 'so ', p: 'phong ', b: 'bo ' };

/**
 * The key that identifies an issuing organ whatever its spelling: NFC, no diacritics (đ→d),
 * lower case, punctuation and spaces collapsed, common abbreviations written out. "UBND tỉnh
 * Kiên Giang" and "Ủy ban nhân dân Tỉnh Kiên Giang" share a key, as do "Sở GD&ĐT Kiên Giang"
 * and "Sở Giáo dục và Đào tạo Kiên Giang". Stored in issuing_organs.name_key (unique).
 */
export function organNameKey(name: string): string {
  let s = foldDiacritics(normalizeText(name)).toLowerCase();
  s = s.replace(/&/g, ' va ');
  // A one- or two-letter abbreviation followed by a dot and a word, at the start of a word only
  // (after a space, comma, bracket or dash), so that "kt." or "ABC.T." is left alone.
  s = s.replace(/(^|[\s,;(\-–])(tp|tx|h|t|x)\.(?=\s*[a-z0-9])/g, (_m, pre: string, abbr: string) => {
    return `${pre} ${DOTTED_ABBREVIATIONS[abbr]} `;
  });
  s = s.replace(/[^a-z0-9]+/g, ' ').trim();
  s = s
    .split(' ')
    .map((word) => WORD_ABBREVIATIONS[word] ?? word)
    .join(' ');
  // gddt, gd dt, gd va dt, sgddt, pgd va dt… → (sở|phòng|bộ) giáo dục và đào tạo
  s = ` ${s} `.replace(/ ([spb]?)gd(?: va | )?dt(?= )/g, (_m, p: string) => ` ${GDDT_PREFIX[p]}giao duc va dao tao`);
  s = s.replace(/ giao duc dao tao(?= )/g, ' giao duc va dao tao');
  return s.replace(/\s+/g, ' ').trim();
}

// ── Shared shapes ─────────────────────────────────────────────────────────────

export const ZIdParams = z.object({ id: z.string().uuid() });

const ZBoolString = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => v === 'true');

/** Status filter of the admin lists. */
export const CATALOG_STATUSES = ['active', 'inactive', 'all'] as const;

/** Query of an admin list: search, status, sort and page. */
const listQuery = <S extends readonly [string, ...string[]]>(sorts: S, defaultSort: S[number]) =>
  z.object({
    q: z.string().trim().max(100).optional(),
    status: z.enum(CATALOG_STATUSES).default('all'),
    sort: z.enum(sorts).default(defaultSort as never),
    dir: z.enum(['asc', 'desc']).default('asc'),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(5).max(200).default(20),
  });

/** A page of an admin list; `canManage` (admin.catalogs with scope `all`) shows the write buttons. */
const listPage = <T extends z.ZodTypeAny>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    canManage: z.boolean(),
  });

const optionalText = (max: number, pattern?: RegExp) => {
  const base = z.string().trim().max(max);
  return (pattern ? base.regex(pattern).or(z.literal('')) : base).nullable().optional();
};

// ── Document types ────────────────────────────────────────────────────────────

export const ZDocumentType = z.object({
  id: z.string().uuid(),
  name: z.string(),
  /** null for Công văn and Thư công, which have no type abbreviation in the code notation. */
  abbreviation: z.string().nullable(),
  sortOrder: z.number().int(),
  active: z.boolean(),
});
export type TDocumentType = z.infer<typeof ZDocumentType>;

export const ZIncludeInactiveQuery = z.object({ includeInactive: ZBoolString });

export const ZDocumentTypeList = z.array(ZDocumentType);

export const DOCUMENT_TYPE_SORTS = ['sortOrder', 'name', 'abbreviation'] as const;
export const ZDocumentTypeListQuery = listQuery(DOCUMENT_TYPE_SORTS, 'sortOrder');
export type TDocumentTypeListQuery = z.infer<typeof ZDocumentTypeListQuery>;
export const ZDocumentTypePage = listPage(ZDocumentType);
export type TDocumentTypePage = z.infer<typeof ZDocumentTypePage>;

const documentTypeFields = {
  name: z.string().trim().min(1).max(CATALOG_LIMITS.typeName),
  abbreviation: z.string().trim().max(CATALOG_LIMITS.abbreviation).regex(ABBREVIATION_PATTERN).nullable(),
  sortOrder: z.number().int().min(0).max(100_000),
};

export const ZDocumentTypeCreate = z
  .object({ ...documentTypeFields, sortOrder: documentTypeFields.sortOrder.optional() })
  .strict();
export type TDocumentTypeCreate = z.infer<typeof ZDocumentTypeCreate>;
export const ZDocumentTypeUpdate = z.object(documentTypeFields).partial().strict();
export type TDocumentTypeUpdate = z.infer<typeof ZDocumentTypeUpdate>;

// ── Levels and fields (catalog entries) ───────────────────────────────────────

export const ZCatalogEntry = z.object({
  id: z.string().uuid(),
  catalog: ZLevelCatalog,
  code: z.string(),
  name: z.string(),
  rank: z.number().int(),
  active: z.boolean(),
});
export type TCatalogEntry = z.infer<typeof ZCatalogEntry>;

export const ZLevelsQuery = z.object({ catalog: ZLevelCatalog, includeInactive: ZBoolString });
export const ZCatalogEntryList = z.array(ZCatalogEntry);

export const CATALOG_ENTRY_SORTS = ['rank', 'name', 'code'] as const;
export const ZCatalogEntryListQuery = listQuery(CATALOG_ENTRY_SORTS, 'rank').extend({ catalog: ZLevelCatalog });
export type TCatalogEntryListQuery = z.infer<typeof ZCatalogEntryListQuery>;
export const ZCatalogEntryPage = listPage(ZCatalogEntry);
export type TCatalogEntryPage = z.infer<typeof ZCatalogEntryPage>;

export const ZCatalogEntryCreate = z
  .object({
    catalog: ZLevelCatalog,
    code: z.string().trim().min(1).max(CATALOG_LIMITS.entryCode).regex(ENTRY_CODE_PATTERN),
    name: z.string().trim().min(1).max(CATALOG_LIMITS.entryName),
    rank: z.number().int().min(0).max(100_000).optional(),
  })
  .strict();
export type TCatalogEntryCreate = z.infer<typeof ZCatalogEntryCreate>;
/** The code is stable once created (rules and documents use it); only name and rank change. */
export const ZCatalogEntryUpdate = z
  .object({
    name: z.string().trim().min(1).max(CATALOG_LIMITS.entryName),
    rank: z.number().int().min(0).max(100_000),
  })
  .partial()
  .strict();
export type TCatalogEntryUpdate = z.infer<typeof ZCatalogEntryUpdate>;

// ── Issuing organs ────────────────────────────────────────────────────────────

/** An organ as document forms pick it. */
export const ZIssuingOrganOption = z.object({
  id: z.string().uuid(),
  name: z.string(),
  shortName: z.string().nullable(),
});
export type TIssuingOrganOption = z.infer<typeof ZIssuingOrganOption>;

export const ZIssuingOrgan = ZIssuingOrganOption.extend({
  organId: z.string().nullable(),
  address: z.string().nullable(),
  email: z.string().nullable(),
  active: z.boolean(),
});
export type TIssuingOrgan = z.infer<typeof ZIssuingOrgan>;

/** Search-as-you-type of active organs (accent-insensitive). */
export const ZOrganSearchQuery = z.object({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export const ZIssuingOrganOptions = z.array(ZIssuingOrganOption);

/** Near-identical names already in the catalog (trigram similarity of the folded names). */
export const ZSimilarOrgansQuery = z.object({ name: z.string().trim().min(1).max(CATALOG_LIMITS.organName) });
export const ZSimilarOrgan = ZIssuingOrganOption.extend({ active: z.boolean(), similarity: z.number() });
export type TSimilarOrgan = z.infer<typeof ZSimilarOrgan>;
export const ZSimilarOrgans = z.array(ZSimilarOrgan);

export const ISSUING_ORGAN_SORTS = ['name', 'shortName'] as const;
export const ZIssuingOrganListQuery = listQuery(ISSUING_ORGAN_SORTS, 'name');
export type TIssuingOrganListQuery = z.infer<typeof ZIssuingOrganListQuery>;
export const ZIssuingOrganPage = listPage(ZIssuingOrgan);
export type TIssuingOrganPage = z.infer<typeof ZIssuingOrganPage>;

const organFields = {
  name: z.string().trim().min(1).max(CATALOG_LIMITS.organName),
  shortName: optionalText(CATALOG_LIMITS.organShortName),
  organId: optionalText(CATALOG_LIMITS.organId, ORGAN_ID_PATTERN),
  address: optionalText(CATALOG_LIMITS.address),
  email: optionalText(CATALOG_LIMITS.email, EMAIL_PATTERN),
};
export const ZIssuingOrganCreate = z.object(organFields).strict();
export type TIssuingOrganCreate = z.infer<typeof ZIssuingOrganCreate>;
export const ZIssuingOrganUpdate = z.object(organFields).partial().strict();
export type TIssuingOrganUpdate = z.infer<typeof ZIssuingOrganUpdate>;

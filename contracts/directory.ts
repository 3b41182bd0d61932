import { z } from 'zod';

/** Query of the staff directory (Danh bạ điện thoại, Điều 3.3a). */
export const ZDirectoryQuery = z.object({
  q: z.string().trim().max(100).optional(),
  unitId: z.string().uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Opaque cursor from the previous page. */
  cursor: z.string().max(400).optional(),
});
export type TDirectoryQuery = z.infer<typeof ZDirectoryQuery>;

export const ZDirectoryEntry = z.object({
  id: z.string().uuid(),
  fullName: z.string(),
  jobTitle: z.string().nullable(),
  unitId: z.string().uuid(),
  unitName: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type TDirectoryEntry = z.infer<typeof ZDirectoryEntry>;

export const ZDirectoryPage = z.object({
  items: z.array(ZDirectoryEntry),
  nextCursor: z.string().nullable(),
});
export type TDirectoryPage = z.infer<typeof ZDirectoryPage>;

export const ZUnitOption = z.object({
  id: z.string().uuid(),
  name: z.string(),
  parentId: z.string().uuid().nullable(),
});
export const ZUnitOptions = z.array(ZUnitOption);

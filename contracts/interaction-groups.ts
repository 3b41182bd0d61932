import { z } from 'zod';
import { normalizeText } from './text';

/** Kinds of interaction groups (Nhóm tương tác): of people, or of units. */
export const INTERACTION_GROUP_KINDS = ['users', 'units'] as const;
export type TInteractionGroupKind = (typeof INTERACTION_GROUP_KINDS)[number];

export const INTERACTION_GROUP_LIMITS = { name: 120, members: 500 } as const;

/** POST /api/interaction-groups and PUT /api/interaction-groups/:id. */
export const ZInteractionGroupInput = z
  .object({
    name: z.string().transform(normalizeText).pipe(z.string().min(1).max(INTERACTION_GROUP_LIMITS.name)),
    kind: z.enum(INTERACTION_GROUP_KINDS),
    /** Person ids (users groups) or unit ids (units groups). */
    memberIds: z.array(z.string().uuid()).min(1).max(INTERACTION_GROUP_LIMITS.members),
  })
  .strict();
export type TInteractionGroupInput = z.input<typeof ZInteractionGroupInput>;

export const ZInteractionGroup = z.object({
  id: z.string().uuid(),
  name: z.string(),
  kind: z.enum(INTERACTION_GROUP_KINDS),
  members: z.array(z.object({ id: z.string().uuid(), name: z.string(), detail: z.string().nullable() })),
  /** People the group reaches now (active members, or active people of its units). */
  reach: z.number().int(),
  updatedAt: z.string(),
});
export type TInteractionGroup = z.infer<typeof ZInteractionGroup>;
export const ZInteractionGroupList = z.array(ZInteractionGroup);
export const ZInteractionGroupParams = z.object({ id: z.string().uuid() });

import { formatVnDate } from '../../../contracts/calendar';
import type { TDocumentSummary, TLinkRelation } from '../../../contracts/links';

/** Colour of a relation's badge. */
export const RELATION_COLORS: Record<TLinkRelation, string> = {
  replies_to: 'blue',
  implements: 'teal',
  replaces: 'red',
  amends: 'orange',
  related: 'gray',
};

/** "Văn bản đến · Kế hoạch · 125/KH-SGDĐT · 20/11/2026": what identifies a document besides its subject. */
export function documentLine(t: (key: string) => string, d: TDocumentSummary): string {
  return [t(`links:kinds.${d.kind}`), d.typeName, d.code, d.date ? formatVnDate(d.date) : null]
    .filter(Boolean)
    .join(' · ');
}

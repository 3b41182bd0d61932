import { foldDiacritics } from '../../../contracts/text';

/** What the tree needs of a unit: the server sends them parents first. */
export interface TreeItem {
  id: string;
  parentId: string | null;
  depth: number;
  active: boolean;
}

/** Ids of the units that have at least one child in the list. */
export function parentsOf(items: readonly TreeItem[]): Set<string> {
  const ids = new Set(items.map((i) => i.id));
  return new Set(items.flatMap((i) => (i.parentId && ids.has(i.parentId) ? [i.parentId] : [])));
}

/** The rows to draw: a unit shows when every ancestor in the list is expanded (or `all`). */
export function visibleRows<T extends TreeItem>(items: readonly T[], expanded: ReadonlySet<string>, all = false): T[] {
  if (all) return [...items];
  const shown = new Set<string>();
  const ids = new Set(items.map((i) => i.id));
  return items.filter((item) => {
    const parent = item.parentId && ids.has(item.parentId) ? item.parentId : null;
    const visible = parent === null || (shown.has(parent) && expanded.has(parent));
    if (visible) shown.add(item.id);
    return visible;
  });
}

/** The unit and everything below it, from a parents-first list. */
export function subtreeIds(items: readonly TreeItem[], id: string): Set<string> {
  const out = new Set<string>([id]);
  for (const item of items) if (item.parentId && out.has(item.parentId)) out.add(item.id);
  return out;
}

/**
 * Units a unit may move under: not itself or its descendants, and active ones only when the unit
 * is active (an active unit never sits under a stopped one). The server checks the same.
 */
export function moveTargets<T extends TreeItem>(items: readonly T[], unit: TreeItem): T[] {
  const own = subtreeIds(items, unit.id);
  return items.filter((i) => !own.has(i.id) && (i.active || !unit.active));
}

/** Splits `text` into plain and matching parts, matching `query` without diacritics or case. */
export function highlightParts(text: string, query: string): { text: string; match: boolean }[] {
  const needle = fold(query.trim());
  if (!needle) return [{ text, match: false }];
  // Fold character by character so that indices in the folded text map back to the original.
  const chars = [...text.normalize('NFC')];
  const folded = chars.map(fold);
  const parts: { text: string; match: boolean }[] = [];
  let plain = '';
  let i = 0;
  while (i < chars.length) {
    let j = i;
    let acc = '';
    while (j < chars.length && acc.length < needle.length && needle.startsWith(acc + folded[j])) acc += folded[j++];
    if (acc.length === needle.length && acc === needle) {
      if (plain) parts.push({ text: plain, match: false });
      plain = '';
      parts.push({ text: chars.slice(i, j).join(''), match: true });
      i = j;
    } else {
      plain += chars[i++];
    }
  }
  if (plain) parts.push({ text: plain, match: false });
  return parts;
}

function fold(s: string): string {
  return foldDiacritics(s).toLowerCase();
}

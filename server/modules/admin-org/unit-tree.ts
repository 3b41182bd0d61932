import { textSortKey } from '../../../contracts/text';

/** What tree ordering needs of a unit. */
export interface TreeNode {
  id: string;
  parentId: string | null;
  name: string;
  sortOrder: number;
}

/**
 * Orders a flat set of units as the tree reads top to bottom: each parent before its children,
 * siblings by their sort order then Vietnamese alphabetical name. A unit whose parent is not in
 * the set (the root of a subtree administrator's scope, or an ancestor left out) starts a tree
 * of its own. Sorting happens here because the Vietnamese order is computed in code
 * (spec/domain.md); the rows were already limited to the actor's scope in SQL.
 */
export function treeOrder<T extends TreeNode>(units: readonly T[]): T[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, T[]>();
  for (const unit of units) {
    const parent = unit.parentId && ids.has(unit.parentId) ? unit.parentId : null;
    const list = children.get(parent);
    if (list) list.push(unit);
    else children.set(parent, [unit]);
  }
  const keys = new Map(units.map((u) => [u.id, textSortKey(u.name)]));
  const compare = (a: T, b: T) => {
    if (a.sortOrder !== b.sortOrder) return a.sortOrder - b.sortOrder;
    const ka = keys.get(a.id) ?? '';
    const kb = keys.get(b.id) ?? '';
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };
  const out: T[] = [];
  const walk = (parent: string | null) => {
    for (const unit of (children.get(parent) ?? []).sort(compare)) {
      out.push(unit);
      walk(unit.id);
    }
  };
  walk(null);
  return out;
}

/** Depth of a unit from its materialised path `/root/child/` (a root has depth 0). */
export function pathDepth(path: string): number {
  return path.split('/').filter(Boolean).length - 1;
}

/** True when `candidate` is the unit at `path` or lies below it. */
export function isSelfOrDescendant(candidatePath: string, path: string): boolean {
  return candidatePath.startsWith(path);
}

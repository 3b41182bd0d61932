import { describe, expect, it } from 'vitest';
import { highlightParts, moveTargets, parentsOf, subtreeIds, visibleRows } from './tree-model';

const item = (id: string, parentId: string | null, depth: number, active = true) => ({ id, parentId, depth, active });
const tree = [item('r', null, 0), item('a', 'r', 1), item('a1', 'a', 2), item('b', 'r', 1, false)];

describe('unit tree model', () => {
  it('shows children only under expanded parents', () => {
    expect(visibleRows(tree, new Set()).map((i) => i.id)).toEqual(['r']);
    expect(visibleRows(tree, new Set(['r'])).map((i) => i.id)).toEqual(['r', 'a', 'b']);
    expect(visibleRows(tree, new Set(['a'])).map((i) => i.id)).toEqual(['r']);
    expect(visibleRows(tree, new Set(), true)).toHaveLength(4);
    expect([...parentsOf(tree)]).toEqual(['r', 'a']);
  });

  it('never offers a unit itself, its descendants, or (for an active unit) a stopped one as new parent', () => {
    expect([...subtreeIds(tree, 'a')]).toEqual(['a', 'a1']);
    expect(moveTargets(tree, tree[1]).map((i) => i.id)).toEqual(['r']);
    expect(moveTargets(tree, tree[3]).map((i) => i.id)).toEqual(['r', 'a', 'a1']);
  });

  it('highlights matches without diacritics', () => {
    expect(highlightParts('Trường Tiểu học An Minh', 'tieu hoc')).toEqual([
      { text: 'Trường ', match: false },
      { text: 'Tiểu học', match: true },
      { text: ' An Minh', match: false },
    ]);
    expect(highlightParts('PGDĐT', 'dđ')).toEqual([
      { text: 'PG', match: false },
      { text: 'DĐ', match: true },
      { text: 'T', match: false },
    ]);
    expect(highlightParts('Tổ Văn', '')).toEqual([{ text: 'Tổ Văn', match: false }]);
  });
});

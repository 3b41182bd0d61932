import { describe, expect, it } from 'vitest';
import { isSelfOrDescendant, pathDepth, treeOrder } from './unit-tree';

const node = (id: string, parentId: string | null, name: string, sortOrder = 0) => ({ id, parentId, name, sortOrder });

describe('unit tree order', () => {
  it('puts parents before children, siblings by sort order then Vietnamese name', () => {
    const units = [
      node('c2', 'root', 'Trường Tiểu học', 2),
      node('g1', 'c1', 'Tổ Văn'),
      node('root', null, 'Phòng GD&ĐT'),
      node('c1', 'root', 'Trường Mầm non', 1),
      node('g2', 'c1', 'Tổ Toán'),
      node('d2', 'c2', 'Đội'),
      node('d1', 'c2', 'Dân quân'),
    ];
    expect(treeOrder(units).map((u) => u.id)).toEqual(['root', 'c1', 'g2', 'g1', 'c2', 'd1', 'd2']);
  });

  it('starts a tree at a unit whose parent is outside the set (a subtree scope)', () => {
    const units = [node('g1', 'school', 'Tổ A'), node('school', 'root', 'Trường')];
    expect(treeOrder(units).map((u) => u.id)).toEqual(['school', 'g1']);
  });

  it('reads depth from the materialised path and recognises descendants', () => {
    expect(pathDepth('/r/')).toBe(0);
    expect(pathDepth('/r/a/b/')).toBe(2);
    expect(isSelfOrDescendant('/r/a/b/', '/r/a/')).toBe(true);
    expect(isSelfOrDescendant('/r/a/', '/r/a/')).toBe(true);
    expect(isSelfOrDescendant('/r/ab/', '/r/a/')).toBe(false);
  });
});

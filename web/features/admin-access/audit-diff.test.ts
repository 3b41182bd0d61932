import { describe, expect, it } from 'vitest';
import { diffRows } from './audit-diff';

describe('audit before/after view', () => {
  it('lines up the keys of both sides and marks what changed', () => {
    expect(
      diffRows(
        { name: 'Tổ tạm', description: null, permissions: ['a', 'b'] },
        { name: 'Tổ chuyên môn', description: null, permissions: ['a', 'b'], active: true },
      ),
    ).toEqual([
      { key: 'name', before: 'Tổ tạm', after: 'Tổ chuyên môn', changed: true },
      { key: 'description', before: null, after: null, changed: false },
      { key: 'permissions', before: 'a, b', after: 'a, b', changed: false },
      { key: 'active', before: null, after: 'true', changed: true },
    ]);
  });

  it('flattens nested objects into dotted keys and handles a missing side', () => {
    expect(diffRows(null, { copiedFrom: { code: 'van-thu' }, rows: 3 })).toEqual([
      { key: 'copiedFrom.code', before: null, after: 'van-thu', changed: true },
      { key: 'rows', before: null, after: '3', changed: true },
    ]);
    expect(diffRows(null, null)).toEqual([]);
    expect(diffRows(null, { permissions: [] })).toEqual([
      { key: 'permissions', before: null, after: null, changed: false },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { byRankThenName, reorderedRanks } from './job-titles.service';

const title = (id: string, name: string, rank: number) => ({ id, name, rank, active: true, userCount: 0 });

describe('job title order', () => {
  it('sorts by rank, then Vietnamese name (D before Đ)', () => {
    const list = [title('a', 'Đội trưởng', 5), title('b', 'Dược sĩ', 5), title('c', 'Trưởng phòng', 1)];
    expect(list.sort(byRankThenName).map((t) => t.id)).toEqual(['c', 'b', 'a']);
  });

  it('ranks the listed titles 10, 20… and keeps the others after them in their order', () => {
    const current = [title('a', 'A', 1), title('b', 'B', 2), title('c', 'C', 3)];
    expect(reorderedRanks(current, ['c'])).toEqual([
      { id: 'c', rank: 10 },
      { id: 'a', rank: 20 },
      { id: 'b', rank: 30 },
    ]);
  });

  it('names the unknown or repeated id', () => {
    const current = [title('a', 'A', 1)];
    expect(() => reorderedRanks(current, ['a', 'x'])).toThrow(
      expect.objectContaining({ opts: { field: 'body.ids.1' } }),
    );
    expect(() => reorderedRanks(current, ['a', 'a'])).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});

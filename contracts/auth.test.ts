import { describe, expect, it } from 'vitest';
import { passwordProblems } from './auth';

const policy = { minLength: 8, requireUpper: true, requireLower: true, requireDigit: true, requireSymbol: false };

describe('password rules', () => {
  it('accepts a password that meets them', () => {
    expect(passwordProblems('Demo2026x', policy)).toEqual([]);
  });
  it('lists each rule broken', () => {
    expect(passwordProblems('abc', policy)).toEqual(['minLength', 'upper', 'digit']);
    expect(passwordProblems('ABCDEFGH1', { ...policy, requireSymbol: true })).toEqual(['lower', 'symbol']);
  });
  it('counts Vietnamese letters as letters', () => {
    expect(passwordProblems('Đườngđi2026', policy)).toEqual([]);
  });
});

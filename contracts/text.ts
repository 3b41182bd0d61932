import { z } from 'zod';
/**
 * Vietnamese text rules shared by server and web (spec/domain.md "Vietnamese text").
 */

/** Normalises user text to Unicode NFC and trims it; every stored string goes through this. */
export function normalizeText(value: string): string {
  return value.normalize('NFC').trim();
}

/** Removes Vietnamese diacritics (đ→d) for accent-insensitive comparison in code. */
export function foldDiacritics(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

const ALPHABET = 'aăâbcdđeêghiklmnoôơpqrstuưvxy';
const TONES = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323']; // ngang, huyền, hỏi, ngã, sắc, nặng

/**
 * Sort key of one word in Vietnamese alphabetical order (A Ă Â B C D Đ …), tones as a
 * secondary key. Keys compare correctly with plain byte order (collation "C").
 */
function wordKey(word: string): { base: string; tones: string } {
  let base = '';
  let tones = '';
  for (const ch of word.toLowerCase().normalize('NFC')) {
    const decomposed = ch.normalize('NFD');
    const tone = [...decomposed].find((c) => TONES.indexOf(c) > 0) ?? '';
    const letter = decomposed.replace(tone, '').normalize('NFC');
    const idx = ALPHABET.indexOf(letter);
    base += idx >= 0 ? String.fromCharCode(0x41 + idx) : letter;
    tones += String(Math.max(0, TONES.indexOf(tone)));
  }
  return { base, tones };
}

/**
 * Sort key for a person's full name: given name (last word) first, then family and middle
 * names, so "Trần Văn An" sorts before "Lê Thị Bình".
 */
export function personSortKey(fullName: string): string {
  const words = normalizeText(fullName).split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  const ordered = [words[words.length - 1], ...words.slice(0, -1)];
  const keys = ordered.map(wordKey);
  return `${keys.map((k) => k.base).join(' ')}|${keys.map((k) => k.tones).join(' ')}`;
}

/** Sort key for any Vietnamese phrase in its written order (unit names, titles). */
export function textSortKey(text: string): string {
  const keys = normalizeText(text).split(/\s+/).filter(Boolean).map(wordKey);
  return `${keys.map((k) => k.base).join(' ')}|${keys.map((k) => k.tones).join(' ')}`;
}

/** A text field of a form: NFC-normalised and trimmed (normalizeText), at most `max` characters. */
export const zText = (max: number) => z.string().transform(normalizeText).pipe(z.string().max(max));

/** An optional text field: like zText, and an empty text is stored as null. */
export const zOptionalText = (max: number) =>
  zText(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

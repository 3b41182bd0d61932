import { type SQL, sql } from 'drizzle-orm';

const ALPHABET = 'aăâbcdđeêghiklmnoôơpqrstuưvxy';
const VOWELS = 'aăâeêioôơuưy';
const TONES = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];

/**
 * translate() arguments that map every Vietnamese letter, with any tone and in either case, to
 * one byte in alphabet order (A Ă Â B C D Đ …). PGlite's ICU sorts Đ with D and a server may
 * use any collation, so names are ordered by this key with COLLATE "C" on both engines.
 */
function buildTranslation(): { from: string; to: string } {
  let from = '';
  let to = '';
  [...ALPHABET].forEach((letter, i) => {
    const code = String.fromCharCode(0x41 + i);
    for (const tone of VOWELS.includes(letter) ? TONES : ['']) {
      const lower = (letter + tone).normalize('NFC');
      for (const variant of new Set([lower, lower.toUpperCase()])) {
        from += variant;
        to += code;
      }
    }
  });
  return { from, to };
}

const { from, to } = buildTranslation();

/** ORDER BY expression for a text column in Vietnamese alphabetical order (tones ignored, then the text). */
export function vietnameseOrder(column: SQL, dir: 'asc' | 'desc' = 'asc'): SQL {
  const direction = dir === 'desc' ? sql`DESC` : sql`ASC`;
  return sql`translate(lower(${column}), ${from}::text, ${to}::text) COLLATE "C" ${direction}, ${column} ${direction}`;
}

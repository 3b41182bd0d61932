import { foldDiacritics } from '../../../contracts/text';

/**
 * Turns free text into a tsquery over a subject without diacritics: whole words, the last one
 * as a prefix (the user may still be typing it): "ke hoach tuyen" → `ke & hoach & tuyen:*`.
 * Prefixes on every word would gather the posting lists of every word beginning with a common
 * syllable ("ke", "sinh"), several times slower at a million documents. Only [a-z0-9] survive,
 * so the text cannot inject tsquery syntax. Null when nothing searchable is left.
 */
export function subjectQuery(q: string): string | null {
  const words = foldDiacritics(q.normalize('NFC'))
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' & ');
}

import { randomInt } from 'node:crypto';

// Letters and digits people do not confuse when reading a password aloud or from paper (no O/0, l/1/I).
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const DIGITS = '23456789';
const SYMBOLS = '#@$%';

function pick(alphabet: string): string {
  return alphabet[randomInt(alphabet.length)];
}

/**
 * A random one-time password of 12 characters with at least one upper-case letter, lower-case
 * letter, digit and symbol, so that it satisfies any strength policy the settings can express.
 * The user must replace it at the first sign-in.
 */
export function generateOneTimePassword(): string {
  const all = UPPER + LOWER + DIGITS;
  const chars = [pick(UPPER), pick(LOWER), pick(DIGITS), pick(SYMBOLS)];
  while (chars.length < 12) chars.push(pick(all));
  // Fisher–Yates with a cryptographic source, so the guaranteed classes are not at fixed places.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}

import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'co_session';

/** A new random session token (the cookie value) and the hash stored in the database. */
export function newSessionToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashSessionToken(token) };
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's recommended parameters. */
export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'));
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password.normalize('NFC'));
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;
/** Spends the same time as a real check when the username is unknown, so timing reveals nothing. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
}

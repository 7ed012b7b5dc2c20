import fs from 'node:fs';
import path from 'node:path';
import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2 defaults to argon2id; the parameters follow OWASP's recommendation
// (19 MiB, 2 iterations) and are spelled out so a library change cannot weaken them.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

const COMMON_PASSWORDS_FILE = path.resolve(import.meta.dirname, '../../data/common-passwords.txt');

let commonPasswords: ReadonlySet<string> | undefined;
/** The shipped list, read once on first use. */
function isCommonPassword(candidate: string): boolean {
  commonPasswords ??= new Set(
    fs
      .readFileSync(COMMON_PASSWORDS_FILE, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
  return commonPasswords.has(candidate);
}

const LEET: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '3': 'e',
  '1': 'i',
  '!': 'i',
  '0': 'o',
  $: 's',
  '5': 's',
  '7': 't',
};
const EDGE_NOISE = /^[\p{N}\p{P}\p{S}\s]+|[\p{N}\p{P}\p{S}\s]+$/gu;

/**
 * The forms of a password looked up in the list: as typed (case-insensitive), without the digits
 * and symbols people add at the ends to pass a rule ("Salasana2024!"), and with common letter
 * substitutions undone ("p@ssw0rd").
 */
export function commonPasswordForms(password: string): string[] {
  const lower = password.normalize('NFC').toLowerCase();
  const stem = lower.replace(EDGE_NOISE, '');
  const unLeet = [...stem].map((c) => LEET[c] ?? c).join('');
  const joined = lower.replaceAll(/\s+/g, '').replace(EDGE_NOISE, '');
  return [...new Set([lower, stem, unLeet, joined])].filter((form) => form.length > 0);
}

/** Stable codes of what can be wrong with a new password, for the web app to translate. */
export type PasswordProblemCode =
  'password.tooShort' | 'password.containsUsername' | 'password.common' | 'password.commonVariant';

/** What is wrong with a new password, with its code, or null. */
export function passwordProblemOf(
  password: string,
  username: string,
): { code: PasswordProblemCode; message: string } | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return {
      code: 'password.tooShort',
      message: `The password must be at least ${MIN_PASSWORD_LENGTH} characters long`,
    };
  }
  if (password.toLowerCase().includes(username.toLowerCase())) {
    return {
      code: 'password.containsUsername',
      message: 'The password must not contain the username',
    };
  }
  const [asTyped, ...variants] = commonPasswordForms(password);
  if (asTyped !== undefined && isCommonPassword(asTyped)) {
    return {
      code: 'password.common',
      message:
        'The password is on the list of commonly used passwords; choose another, for example a few unrelated words',
    };
  }
  if (variants.some(isCommonPassword)) {
    return {
      code: 'password.commonVariant',
      message:
        'The password is a commonly used password with digits, symbols, spaces or look-alike characters added; choose another, for example a few unrelated words',
    };
  }
  return null;
}

/** Returns what is wrong with a new password, or null. */
export function passwordProblem(password: string, username: string): string | null {
  return passwordProblemOf(password, username)?.message ?? null;
}

let dummy: Promise<string> | undefined;
/** Verified against unknown usernames so that a wrong name takes as long as a wrong password. */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('not-a-real-password-for-timing');
  return dummy;
}

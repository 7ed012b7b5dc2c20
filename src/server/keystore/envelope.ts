import crypto from 'node:crypto';

/**
 * The two layers of per-person encryption, both AES-256-GCM: a value under its person's data key,
 * and the data key under a master key (wrapping). Pure functions; the key store keeps the rest.
 */

const NONCE_BYTES = 12;
const TAG_BYTES = 16;
export const DATA_KEY_BYTES = 32;

/**
 * The first byte of a value encrypted under a person's data key. Version 1 is the global key of
 * lib/crypto.ts; both can sit in one column while the old values are upgraded.
 */
export const PERSON_KEY_CIPHERTEXT_VERSION = 2;
/** The first byte of a wrapped data key, so the format can change later. */
const WRAPPED_KEY_VERSION = 1;

function seal(key: crypto.CipherKey, version: number, plaintext: Buffer, aad: string): Buffer {
  const nonce = crypto.randomBytes(NONCE_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.of(version), nonce, cipher.getAuthTag(), data]);
}

function open(key: crypto.CipherKey, version: number, sealed: Buffer, aad: string): Buffer {
  if (sealed.length < 1 + NONCE_BYTES + TAG_BYTES || sealed[0] !== version) {
    throw new Error(`Not a version ${version} ciphertext`);
  }
  const nonce = sealed.subarray(1, 1 + NONCE_BYTES);
  const tag = sealed.subarray(1 + NONCE_BYTES, 1 + NONCE_BYTES + TAG_BYTES);
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([
    decipher.update(sealed.subarray(1 + NONCE_BYTES + TAG_BYTES)),
    decipher.final(),
  ]);
}

/**
 * A master key as a KeyObject, made once: given raw bytes, Node prepares the key again for every
 * cipher, which doubles the cost of wrapping a bulk path's new data keys.
 */
const masterKeyObjects = new WeakMap<Buffer, crypto.KeyObject>();
function masterKeyObject(masterKey: Buffer): crypto.KeyObject {
  let keyObject = masterKeyObjects.get(masterKey);
  if (!keyObject) {
    keyObject = crypto.createSecretKey(masterKey);
    masterKeyObjects.set(masterKey, keyObject);
  }
  return keyObject;
}

/** The wrapped key names its person: a wrapped key copied to another person's row does not open. */
const wrapAad = (personId: string) => `asiakasrekisteri/person-key/v1:${personId}`;

export const newDataKey = (): Buffer => crypto.randomBytes(DATA_KEY_BYTES);

export function wrapDataKey(masterKey: Buffer, personId: string, dataKey: Buffer): Buffer {
  return seal(masterKeyObject(masterKey), WRAPPED_KEY_VERSION, dataKey, wrapAad(personId));
}

/** Throws when the master key, the person or the bytes are not the ones it was wrapped with. */
export function unwrapDataKey(masterKey: Buffer, personId: string, wrapped: Buffer): Buffer {
  const dataKey = open(masterKeyObject(masterKey), WRAPPED_KEY_VERSION, wrapped, wrapAad(personId));
  if (dataKey.length !== DATA_KEY_BYTES) throw new Error('A wrapped data key of the wrong size');
  return dataKey;
}

/** `context` is the AAD: it binds the ciphertext to its place (e.g. "person.identity_code:<id>"). */
export function encryptWithDataKey(dataKey: Buffer, plaintext: string, context: string): Buffer {
  return seal(dataKey, PERSON_KEY_CIPHERTEXT_VERSION, Buffer.from(plaintext, 'utf8'), context);
}

export function decryptWithDataKey(dataKey: Buffer, ciphertext: Buffer, context: string): string {
  return open(dataKey, PERSON_KEY_CIPHERTEXT_VERSION, ciphertext, context).toString('utf8');
}

/** Bytes (a file) under a data key, in the same format as a text value. */
export function encryptBytesWithDataKey(
  dataKey: Buffer,
  plaintext: Buffer,
  context: string,
): Buffer {
  return seal(dataKey, PERSON_KEY_CIPHERTEXT_VERSION, plaintext, context);
}

export function decryptBytesWithDataKey(
  dataKey: Buffer,
  ciphertext: Buffer,
  context: string,
): Buffer {
  return open(dataKey, PERSON_KEY_CIPHERTEXT_VERSION, ciphertext, context);
}

export const isPersonKeyCiphertext = (ciphertext: Buffer): boolean =>
  ciphertext[0] === PERSON_KEY_CIPHERTEXT_VERSION;

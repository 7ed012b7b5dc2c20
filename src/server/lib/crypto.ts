import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** Encryption and blind indexing of single values, under keys derived from one master key. */
export type Keys = {
  /** AES-256-GCM; `context` (e.g. "person.identity_code:<id>") binds the ciphertext to its place. */
  encrypt(plaintext: string, context: string): Buffer;
  decrypt(ciphertext: Buffer, context: string): string;
  /** HMAC-SHA-256 of a normalised value, for exact-match lookup without the plain text. */
  blindIndex(value: string, purpose: string): Buffer;
  /** HMAC-SHA-256 under the audit key: access-log entries and their chain. */
  auditMac(...parts: (string | Buffer)[]): Buffer;
};

export function keysFromMaster(master: Buffer): Keys {
  if (master.length !== 32) throw new Error('The master key must be 32 bytes');
  // KeyObjects, made once: given raw bytes, Node prepares the key again for every HMAC and cipher
  // (a blind index costs four times as much; an import computes two a row).
  const derive = (label: string) =>
    crypto.createSecretKey(
      Buffer.from(crypto.hkdfSync('sha256', master, Buffer.alloc(0), label, 32)),
    );
  const encryptionKey = derive('asiakasrekisteri/encryption/v1');
  const indexKey = derive('asiakasrekisteri/blind-index/v1');
  const auditKey = derive('asiakasrekisteri/audit/v1');
  return {
    encrypt(plaintext, context) {
      const nonce = crypto.randomBytes(NONCE_BYTES);
      const cipher = crypto.createCipheriv('aes-256-gcm', encryptionKey, nonce);
      cipher.setAAD(Buffer.from(context));
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.of(VERSION), nonce, cipher.getAuthTag(), data]);
    },
    decrypt(ciphertext, context) {
      if (ciphertext[0] !== VERSION) throw new Error('Unknown ciphertext version');
      const nonce = ciphertext.subarray(1, 1 + NONCE_BYTES);
      const tag = ciphertext.subarray(1 + NONCE_BYTES, 1 + NONCE_BYTES + TAG_BYTES);
      const decipher = crypto.createDecipheriv('aes-256-gcm', encryptionKey, nonce);
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(tag);
      const data = ciphertext.subarray(1 + NONCE_BYTES + TAG_BYTES);
      return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
    },
    blindIndex(value, purpose) {
      return crypto.createHmac('sha256', indexKey).update(`${purpose}\0${value}`).digest();
    },
    auditMac(...parts) {
      const mac = crypto.createHmac('sha256', auditKey);
      for (const part of parts) {
        const bytes = Buffer.isBuffer(part) ? part : Buffer.from(part, 'utf8');
        // Length-prefixed, so that no two different part lists give the same input.
        const length = Buffer.alloc(4);
        length.writeUInt32BE(bytes.length);
        mac.update(length).update(bytes);
      }
      return mac.digest();
    },
  };
}

/**
 * The master key: from the environment when given, else from a key file, which is created with
 * mode 0600 on first start. A key file readable by others is refused rather than used.
 */
export function loadMasterKey(options: { masterKey: string | undefined; keyFile: string }): {
  key: Buffer;
  created: boolean;
} {
  if (options.masterKey !== undefined) {
    return { key: Buffer.from(options.masterKey, 'base64'), created: false };
  }
  const file = options.keyFile;
  if (fs.existsSync(file)) {
    const mode = fs.statSync(file).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      throw new Error(
        `The key file ${file} is readable by others (mode ${mode.toString(8)}); run chmod 600 on it`,
      );
    }
    const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`The key file ${file} does not hold a 32-byte key`);
    return { key, created: false };
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = crypto.randomBytes(32);
  fs.writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return { key, created: true };
}

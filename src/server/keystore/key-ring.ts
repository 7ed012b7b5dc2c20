import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The master keys that wrap the persons' data keys: one file each, `<id>.key` (32 random bytes
 * in base64, mode 0600) in a directory of mode 0700. Ids sort by creation time; the newest key
 * wraps new data keys, the others only unwrap until `rekisteri keys rotate` retires them. These
 * keys are independent of REKISTERI_MASTER_KEY, whose derived keys (blind index, access-log MACs,
 * TOTP secrets) must never change.
 */
export type WrappingKey = { id: string; key: Buffer; fingerprint: Buffer };

export type KeyRing = {
  readonly dir: string;
  /** The newest key: the one new data keys are wrapped with. */
  current(): WrappingKey;
  /** A key by id; the directory is read again once when the id is not known yet. */
  get(id: string): WrappingKey | undefined;
  all(): WrappingKey[];
  /** Reads the directory again when it changed since the last read (a rotation added a key). */
  refreshIfChanged(): void;
  reload(): void;
  /** A new random key with an id newer than every key in the ring; not written yet. */
  generate(now?: Date): WrappingKey;
  /** Writes a generated key into the ring, where it becomes the newest. */
  add(key: WrappingKey): void;
  /** Deletes the files of these keys: they open nothing any more. */
  retire(ids: readonly string[]): void;
};

export class KeyRingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyRingError';
  }
}

const ID = /^\d{8}T\d{6}\d{3}Z-[0-9a-f]{8}$/;
const FILE = /^(.+)\.key$/;

/** What `wrapping_key.fingerprint` holds: a different key under a known id is noticed. */
export function wrappingKeyFingerprint(key: Buffer): Buffer {
  return crypto
    .createHmac('sha256', key)
    .update('asiakasrekisteri/wrapping-key/fingerprint/v1')
    .digest();
}

const stampOf = (time: Date) => time.toISOString().replace(/[-:.]/g, '');
const timeOf = (id: string) =>
  new Date(
    `${id.slice(0, 4)}-${id.slice(4, 6)}-${id.slice(6, 8)}T${id.slice(9, 11)}:${id.slice(11, 13)}:${id.slice(13, 15)}.${id.slice(15, 18)}Z`,
  );

/** Newer than `latest` even when the clock is behind it (or two keys are made in one ms). */
function newId(now: Date, latest: string | undefined): string {
  const after = latest ? timeOf(latest).getTime() + 1 : -Infinity;
  const stamp = stampOf(new Date(Math.max(now.getTime(), after)));
  return `${stamp}-${crypto.randomBytes(4).toString('hex')}`;
}

function readKeyFile(file: string, id: string): WrappingKey {
  const mode = fs.statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new KeyRingError(
      `The master key file ${file} is readable by others (mode ${mode.toString(8)}); run chmod 600 on it`,
    );
  }
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32)
    throw new KeyRingError(`The master key file ${file} does not hold a 32-byte key`);
  return { id, key, fingerprint: wrappingKeyFingerprint(key) };
}

function readDir(dir: string): Map<string, WrappingKey> {
  const keys = new Map<string, WrappingKey>();
  for (const name of fs.readdirSync(dir).sort()) {
    const id = FILE.exec(name)?.[1];
    if (id === undefined || !ID.test(id)) continue;
    keys.set(id, readKeyFile(path.join(dir, name), id));
  }
  return keys;
}

/** Written under a temporary name, synced and renamed: a reader never sees half a key. */
function writeKeyFile(dir: string, id: string, key: Buffer): void {
  const temporary = path.join(dir, `.${id}.key.tmp`);
  const fd = fs.openSync(temporary, 'wx', 0o600);
  try {
    fs.writeSync(fd, `${key.toString('base64')}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, path.join(dir, `${id}.key`));
  syncDir(dir);
}

function syncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Opens the key ring in `dir`, made (mode 0700) when missing; it may be empty. */
export function openKeyRing(dir: string): KeyRing {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  let keys = readDir(dir);
  const reload = () => {
    keys = readDir(dir);
  };
  /** The key files' names as listed now: cheap, and exact where a directory's mtime is coarse. */
  const listed = () =>
    fs
      .readdirSync(dir)
      .filter((name) => ID.test(FILE.exec(name)?.[1] ?? ''))
      .sort()
      .join('/');
  const known = () => [...keys.keys()].map((id) => `${id}.key`).join('/');
  const newest = (): WrappingKey | undefined => [...keys.values()].at(-1);

  const ring: KeyRing = {
    dir,
    current() {
      const key = newest();
      if (!key) throw new KeyRingError(`There is no master key in ${dir}`);
      return key;
    },
    get(id) {
      if (!keys.has(id)) reload();
      return keys.get(id);
    },
    all: () => [...keys.values()],
    refreshIfChanged() {
      if (listed() !== known()) reload();
    },
    reload,
    generate(now = new Date()) {
      reload();
      const key = crypto.randomBytes(32);
      return { id: newId(now, newest()?.id), key, fingerprint: wrappingKeyFingerprint(key) };
    },
    add(key) {
      writeKeyFile(dir, key.id, key.key);
      reload();
    },
    retire(ids) {
      for (const id of ids) fs.rmSync(path.join(dir, `${id}.key`), { force: true });
      syncDir(dir);
      reload();
    },
  };
  return ring;
}

/**
 * Unwrapped data keys in memory: at most `maxEntries`, the least recently used going first, each
 * for at most `ttlMs` — so a key destroyed by another server stops opening here within that time.
 */
export type DataKeyCache = {
  get(personId: string): Buffer | undefined;
  set(personId: string, key: Buffer): void;
  delete(personId: string): void;
  clear(): void;
  readonly size: number;
};

export function dataKeyCache(options: {
  maxEntries: number;
  ttlMs: number;
  now?: () => number;
}): DataKeyCache {
  const now = options.now ?? (() => performance.now());
  const entries = new Map<string, { key: Buffer; expires: number }>();
  return {
    get(personId) {
      const entry = entries.get(personId);
      if (!entry) return undefined;
      entries.delete(personId);
      if (entry.expires <= now()) return undefined;
      entries.set(personId, entry);
      return entry.key;
    },
    set(personId, key) {
      entries.delete(personId);
      entries.set(personId, { key: ownMemory(key), expires: now() + options.ttlMs });
      while (entries.size > options.maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
    },
    delete(personId) {
      entries.delete(personId);
    },
    clear() {
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}

/**
 * The key in memory of its own. An unwrapped key is a 32-byte view into one of Node's shared 8 KB
 * Buffer pool slabs (Buffer.concat allocates from the pool), and a cached view keeps its whole
 * slab alive: 10,000 cached keys held about 36 MB of slabs in the load bench (decision 0005),
 * where their own bytes are 320 kB. Buffer.alloc never takes from the pool.
 */
function ownMemory(key: Buffer): Buffer {
  const own = Buffer.alloc(key.length);
  key.copy(own);
  return own;
}

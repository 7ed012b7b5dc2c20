import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

const BLOCK = 512;
/** The size and mtime fields hold 11 octal digits. */
const MAX_OCTAL_11 = 8 ** 11 - 1;

export type TarGzWriter = {
  /** Adds one file; resolves when its bytes are handed on (the stream below is not full). */
  add(name: string, data: Buffer, mtime?: Date): Promise<void>;
  /** Writes the end of the archive and resolves when the output has taken all of it. */
  finish(): Promise<void>;
};

function checkName(name: string): void {
  // Printable ASCII, relative, no parent segments: an archive that extracts where it is told.
  const printable = [...name].every((ch) => ch >= ' ' && ch <= '~');
  if (
    name === '' ||
    name.length > 100 ||
    !printable ||
    name.startsWith('/') ||
    name.endsWith('/') ||
    name.split('/').some((part) => part === '..' || part === '')
  ) {
    throw new RangeError(
      `a file name in the archive is 1–100 printable ASCII characters, relative, without empty or ".." parts; got ${JSON.stringify(name)}`,
    );
  }
}

function writeOctal(header: Buffer, offset: number, width: number, value: number): void {
  header.write(`${value.toString(8).padStart(width - 1, '0')}\0`, offset, width, 'ascii');
}

/** A ustar header: regular file, mode 0644, owner 0:0. */
function header(name: string, size: number, mtime: Date): Buffer {
  const seconds = Math.floor(mtime.getTime() / 1000);
  if (!Number.isSafeInteger(seconds) || seconds < 0 || seconds > MAX_OCTAL_11) {
    throw new RangeError(`the modification time must be from 1970 to 2242, got ${String(mtime)}`);
  }
  if (size > MAX_OCTAL_11) throw new RangeError(`a file in the archive is under 8 GiB`);
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, 100, 'ascii');
  writeOctal(h, 100, 8, 0o644);
  writeOctal(h, 108, 8, 0);
  writeOctal(h, 116, 8, 0);
  writeOctal(h, 124, 12, size);
  writeOctal(h, 136, 12, seconds);
  h.write('        ', 148, 8, 'ascii');
  h.write('0', 156, 1, 'ascii');
  h.write('ustar\0', 257, 6, 'ascii');
  h.write('00', 263, 2, 'ascii');
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return h;
}

/**
 * A tar.gz archive written to `output` as files are added, without holding the archive in
 * memory. Call `add` for each file (awaiting it, so that a slow output slows the caller), then
 * `finish`. A failure of the output rejects the pending and every later call.
 */
export function createTarGz(output: NodeJS.WritableStream): TarGzWriter {
  const gzip = createGzip();
  let failure: Error | undefined;
  let finishing: Promise<void> | undefined;
  const done = pipeline(gzip, output);
  done.catch((error: unknown) => {
    failure = error instanceof Error ? error : new Error(String(error));
  });

  async function drained(): Promise<void> {
    const controller = new AbortController();
    const drain = once(gzip, 'drain', { signal: controller.signal });
    drain.catch(() => undefined);
    try {
      // The pipeline rejects when either stream fails, so a broken output never leaves us waiting.
      await Promise.race([drain, done]);
    } finally {
      controller.abort();
    }
  }

  return {
    async add(name, data, mtime = new Date()) {
      if (failure !== undefined) throw failure;
      if (finishing !== undefined) throw new Error('the archive is already finished');
      if (gzip.destroyed) throw new Error('the archive output is closed');
      checkName(name);
      // Header, data and padding go in one turn, so adds that overlap cannot interleave.
      gzip.write(header(name, data.length, mtime));
      if (data.length > 0) gzip.write(data);
      const padding = (BLOCK - (data.length % BLOCK)) % BLOCK;
      if (padding > 0) gzip.write(Buffer.alloc(padding));
      if (gzip.writableNeedDrain) await drained();
    },
    finish() {
      finishing ??= (async () => {
        if (failure !== undefined) throw failure;
        // The end of an archive: two zero blocks.
        gzip.end(Buffer.alloc(2 * BLOCK));
        await done;
      })();
      return finishing;
    },
  };
}

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { gunzipSync } from 'node:zlib';
import { createTarGz } from './tar.ts';

const MTIME = new Date('2026-03-02T08:30:15Z');
const LONG_NAME = `dir/${'n'.repeat(92)}.txt`;

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rekisteri-tar-'));
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The system tar, in UTC and the C locale so that its listing is the same everywhere. */
function tar(...args: string[]): string {
  return execFileSync('tar', args, {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC', LC_ALL: 'C' },
  });
}

type Listed = { mode: string; owner: string; size: number; time: string; name: string };

function list(archive: string): Listed[] {
  return tar('--numeric-owner', '--full-time', '-tzvf', archive)
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [mode = '', owner = '', size = '', day = '', time = '', ...name] = line.split(/\s+/);
      return { mode, owner, size: Number(size), time: `${day} ${time}`, name: name.join(' ') };
    });
}

async function writeArchive(file: string, files: [string, Buffer][]): Promise<void> {
  const out = createWriteStream(file);
  const archive = createTarGz(out);
  for (const [name, data] of files) await archive.add(name, data, MTIME);
  await archive.finish();
  await finished(out);
}

/** An output that takes nothing until it is opened, then everything. */
class GatedSink extends Writable {
  readonly chunks: Buffer[] = [];
  #open = false;
  #waiting: (() => void)[] = [];
  constructor() {
    super({ highWaterMark: 1024 });
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.chunks.push(chunk);
    if (this.#open) callback();
    else this.#waiting.push(callback);
  }
  open(): void {
    this.#open = true;
    for (const callback of this.#waiting.splice(0)) callback();
  }
}

describe('createTarGz, read back with the system tar', () => {
  const files: [string, Buffer][] = [
    ['hello.txt', Buffer.from('Hei maailma!\n', 'utf8')],
    ['empty.txt', Buffer.alloc(0)],
    ['dir/exact.bin', randomBytes(512)],
    ['dir/sub/big.bin', randomBytes(1024 * 1024 + 3)],
    [LONG_NAME, Buffer.from('a name of exactly one hundred characters')],
    ['with space & (symbols).csv', Buffer.from('a;b\n1;2\n')],
  ];

  test('lists every file: mode 0644, owner 0/0, its size, the mtime given', async () => {
    const archive = join(dir, 'listed.tar.gz');
    await writeArchive(archive, files);
    assert.equal(LONG_NAME.length, 100);
    assert.deepEqual(
      list(archive),
      files.map(([name, data]) => ({
        mode: '-rw-r--r--',
        owner: '0/0',
        size: data.length,
        time: '2026-03-02 08:30:15',
        name,
      })),
    );
  });

  test('extracts every file byte for byte', async () => {
    const archive = join(dir, 'extracted.tar.gz');
    await writeArchive(archive, files);
    const target = join(dir, 'out');
    mkdirSync(target);
    tar('-xzf', archive, '-C', target);
    for (const [name, data] of files) {
      assert.ok(readFileSync(join(target, name)).equals(data), name);
    }
  });

  test('an archive with no files is valid and empty', async () => {
    const archive = join(dir, 'empty.tar.gz');
    await writeArchive(archive, []);
    assert.equal(tar('-tzf', archive), '');
    assert.equal(gunzipSync(readFileSync(archive)).length, 1024);
  });

  test('without an mtime, the file gets the time of adding', async () => {
    const archive = join(dir, 'now.tar.gz');
    const out = createWriteStream(archive);
    const writer = createTarGz(out);
    const start = Math.floor(Date.now() / 1000);
    await writer.add('now.txt', Buffer.from('x'));
    const end = Math.ceil(Date.now() / 1000);
    await writer.finish();
    await finished(out);
    const [entry] = list(archive);
    const seconds = Date.parse(`${entry?.time.replace(' ', 'T')}Z`) / 1000;
    assert.ok(seconds >= start && seconds <= end, entry?.time);
  });

  test('adds that overlap still write whole files, in the order called', async () => {
    const archive = join(dir, 'overlap.tar.gz');
    const out = createWriteStream(archive);
    const writer = createTarGz(out);
    const a = randomBytes(100_000);
    const b = randomBytes(70_000);
    await Promise.all([writer.add('a.bin', a, MTIME), writer.add('b.bin', b, MTIME)]);
    await writer.finish();
    await finished(out);
    assert.deepEqual(
      list(archive).map((e) => [e.name, e.size]),
      [
        ['a.bin', a.length],
        ['b.bin', b.length],
      ],
    );
  });
});

describe('createTarGz refuses', () => {
  const bad = [
    '',
    'x'.repeat(101),
    'päivä.txt',
    'tab\there.txt',
    '/etc/passwd',
    '../up.txt',
    'a/../../b',
    'a//b',
    'dir/',
  ];
  for (const name of bad) {
    test(`the name ${JSON.stringify(name)}`, async () => {
      const sink = new GatedSink();
      const writer = createTarGz(sink);
      await assert.rejects(writer.add(name, Buffer.from('x'), MTIME), /1–100 printable ASCII/);
      sink.open();
      await writer.finish();
      assert.equal(gunzipSync(Buffer.concat(sink.chunks)).length, 1024, 'nothing was written');
    });
  }

  test('an mtime before 1970, after 2242, or invalid', async () => {
    const writer = createTarGz(new GatedSink());
    for (const mtime of [new Date(-1000), new Date('2243-01-01'), new Date(Number.NaN)]) {
      await assert.rejects(writer.add('a.txt', Buffer.from('x'), mtime), /1970 to 2242/);
    }
  });

  test('an add after finish', async () => {
    const sink = new GatedSink();
    sink.open();
    const writer = createTarGz(sink);
    const finishing = writer.finish();
    assert.equal(writer.finish(), finishing);
    await finishing;
    await assert.rejects(writer.add('late.txt', Buffer.from('x'), MTIME), /already finished/);
  });
});

describe('createTarGz respects backpressure', () => {
  test('add() waits while the output is full, and goes on when it drains', async () => {
    const sink = new GatedSink();
    const writer = createTarGz(sink);
    // Random bytes do not compress: the gzip output is as large as the input.
    const data = randomBytes(4 * 1024 * 1024);
    let added = false;
    const adding = writer.add('big.bin', data, MTIME).then(() => {
      added = true;
    });
    await sleep(100);
    assert.equal(added, false, 'add() resolved while the output took nothing');
    sink.open();
    await adding;
    assert.equal(added, true);
    await writer.finish();
    const tarBytes = gunzipSync(Buffer.concat(sink.chunks));
    assert.equal(tarBytes.length, 512 + data.length + 1024);
    assert.ok(tarBytes.subarray(512, 512 + data.length).equals(data));
  });

  test('a small file is handed on at once', async () => {
    const sink = new GatedSink();
    const writer = createTarGz(sink);
    await writer.add('small.txt', Buffer.from('small'), MTIME);
    sink.open();
    await writer.finish();
  });
});

describe('createTarGz when the output fails', () => {
  test('the pending add, finish and every later add reject with the error', async () => {
    const broken = new Writable({
      write(_chunk, _encoding, callback) {
        callback(new Error('disk full'));
      },
    });
    const writer = createTarGz(broken);
    await assert.rejects(writer.add('big.bin', randomBytes(4 * 1024 * 1024), MTIME), /disk full/);
    await assert.rejects(writer.add('next.txt', Buffer.from('x'), MTIME), /disk full|closed/);
    await assert.rejects(writer.finish(), /disk full/);
  });
});

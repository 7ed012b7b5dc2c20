import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { openKeyRing } from './key-ring.ts';

function withDir(run: (dir: string) => void) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rekisteri-ring-test-'));
  try {
    run(path.join(dir, 'wrapping'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('keys are files of mode 0600 in a 0700 directory; the newest is current', () => {
  withDir((dir) => {
    const ring = openKeyRing(dir);
    assert.equal(fs.statSync(dir).mode & 0o777, 0o700);
    assert.throws(() => ring.current(), /There is no master key/);
    const first = ring.generate(new Date('2026-11-25T10:00:00Z'));
    assert.equal(fs.readdirSync(dir).length, 0, 'generate writes nothing');
    ring.add(first);
    const file = path.join(dir, `${first.id}.key`);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.equal(ring.current().id, first.id);
    // A clock behind the newest key still gives a newer id.
    const second = ring.generate(new Date('2020-01-01T00:00:00Z'));
    assert.ok(second.id > first.id, `${second.id} > ${first.id}`);
    ring.add(second);
    assert.equal(ring.current().id, second.id);
    assert.deepEqual(
      openKeyRing(dir)
        .all()
        .map((key) => key.id),
      [first.id, second.id],
    );
  });
});

test('a key file readable by others is refused; other files are ignored', () => {
  withDir((dir) => {
    const ring = openKeyRing(dir);
    const key = ring.generate();
    ring.add(key);
    fs.writeFileSync(path.join(dir, 'README'), 'not a key');
    assert.equal(openKeyRing(dir).all().length, 1);
    fs.chmodSync(path.join(dir, `${key.id}.key`), 0o644);
    assert.throws(() => openKeyRing(dir), /readable by others/);
  });
});

test('another process adds a key: refreshIfChanged sees it; retire deletes the files', () => {
  withDir((dir) => {
    const server = openKeyRing(dir);
    const first = server.generate();
    server.add(first);
    const cli = openKeyRing(dir);
    const second = cli.generate();
    cli.add(second);
    assert.equal(server.current().id, first.id, 'not read again yet');
    server.refreshIfChanged();
    assert.equal(server.current().id, second.id);
    assert.deepEqual(server.get(first.id)?.key, first.key);
    cli.retire([first.id]);
    assert.equal(fs.existsSync(path.join(dir, `${first.id}.key`)), false);
    server.refreshIfChanged();
    assert.equal(server.get(first.id), undefined, 'a retired key opens nothing');
  });
});

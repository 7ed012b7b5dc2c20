import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import {
  currentBootId,
  DataDirLockedError,
  lockDataDir,
  ownerOfThisProcess,
  processStartTime,
} from './lock.ts';

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** A data directory whose lock file says what the test wants. */
function lockedBy(content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rekisteri-lock-'));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, 'rekisteri.lock'), content, { mode: 0o600 });
  return dir;
}

const self = ownerOfThisProcess();

test('this process is named by its pid, start time and boot', () => {
  assert.equal(self.pid, process.pid);
  assert.match(self.startTime ?? '', /^\d+$/);
  assert.match(self.bootId ?? '', /^[0-9a-f-]{36}$/);
});

test('a lock naming our own pid with another start time is a dead predecessor’s (pid 1 in a container)', () => {
  const other = String(BigInt(self.startTime ?? '0') + 12345n);
  const dir = lockedBy(JSON.stringify({ ...self, startTime: other }));
  const release = lockDataDir(dir);
  assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dir, 'rekisteri.lock'), 'utf8')), self);
  release();
  assert.equal(fs.existsSync(path.join(dir, 'rekisteri.lock')), false);
});

test('a bare pid lock of our own pid, written before start times were recorded, is stale', () => {
  const release = lockDataDir(lockedBy(String(process.pid)));
  release();
});

test('a lock from an earlier boot is stale, whatever pid it names', () => {
  release(lockDataDir(lockedBy(JSON.stringify({ ...self, bootId: 'an-earlier-boot' }))));
});

test('a lock of a process that has ended is stale', async () => {
  const child = spawn(process.execPath, ['-e', '']);
  const pid = child.pid ?? 0;
  const startTime = processStartTime(pid);
  await new Promise((resolve) => child.on('exit', resolve));
  const dir = lockedBy(JSON.stringify({ pid, startTime, bootId: currentBootId() }));
  release(lockDataDir(dir));
});

test('a running process holds its lock; a later process on its pid would not', async () => {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
  try {
    const pid = child.pid ?? 0;
    await new Promise((resolve) => child.on('spawn', resolve));
    const owner = { pid, startTime: processStartTime(pid), bootId: currentBootId() };
    assert.ok(owner.startTime, 'the child’s start time is readable');
    const dir = lockedBy(JSON.stringify(owner));
    assert.throws(() => lockDataDir(dir), DataDirLockedError);
    assert.throws(() => lockDataDir(lockedBy(String(pid))), DataDirLockedError, 'bare pid too');
    // The same pid with another start time is another process: the lock's owner is gone.
    const reused = lockedBy(JSON.stringify({ ...owner, startTime: '1' }));
    release(lockDataDir(reused));
  } finally {
    child.kill();
  }
});

test('a lock held by this very process is not taken twice', () => {
  const dir = lockedBy('');
  fs.rmSync(path.join(dir, 'rekisteri.lock'));
  const first = lockDataDir(dir);
  assert.throws(() => lockDataDir(dir), DataDirLockedError);
  first();
});

function release(free: () => void) {
  free();
}

import fs from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The embedded database in ${dir} is already in use by another process (pid ${pid}). ` +
        'Stop that process first, or give this one its own DATA_DIR, or use DATABASE_URL.',
    );
    this.name = 'DataDirLockedError';
  }
}

/**
 * Who holds the lock. A pid alone is not enough: in a container the server is usually pid 1,
 * so a lock left by a killed pid 1 names the pid of the next start too. The process's start
 * time (in clock ticks since boot) and the boot's id tell that process from a later one.
 */
export type LockOwner = { pid: number; startTime: string | null; bootId: string | null };

/** Field 22 of /proc/<pid>/stat; null where there is no /proc or no such process. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces and parentheses itself.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null; // fields[0] is field 3
  } catch {
    return null;
  }
}

export function currentBootId(): string | null {
  try {
    return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The owner a lock file names: JSON, or only a pid (a lock written before start times). */
function parseOwner(text: string): LockOwner | null {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (typeof value === 'object' && value !== null && Number.isInteger(value.pid)) {
      return {
        pid: value.pid as number,
        startTime: typeof value.startTime === 'string' ? value.startTime : null,
        bootId: typeof value.bootId === 'string' ? value.bootId : null,
      };
    }
  } catch {
    // not JSON: a bare pid
  }
  const pid = Number.parseInt(text, 10);
  return Number.isInteger(pid) && String(pid) === text.trim()
    ? { pid, startTime: null, bootId: null }
    : null;
}

/**
 * Whether the process the lock names still runs: the same pid, started at the same moment, in
 * the same boot. Our own pid holds it only if we are that very process (taken twice in one
 * process); a lock that names our pid otherwise is a dead predecessor's. Without /proc only the
 * pid can be checked.
 */
export function ownerRuns(owner: LockOwner, self: LockOwner = ownerOfThisProcess()): boolean {
  if (owner.bootId !== null && self.bootId !== null && owner.bootId !== self.bootId) return false;
  if (owner.pid === self.pid) return owner.startTime !== null && owner.startTime === self.startTime;
  if (!isAlive(owner.pid)) return false;
  if (owner.startTime === null) return true;
  const running = processStartTime(owner.pid);
  return running === null || running === owner.startTime;
}

export function ownerOfThisProcess(): LockOwner {
  return { pid: process.pid, startTime: processStartTime(process.pid), bootId: currentBootId() };
}

/**
 * Takes the embedded data directory for this process: a lock file created with O_EXCL names the
 * owner (pid, start time, boot). A lock whose owner no longer runs is taken over.
 */
export function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const lockPath = path.join(dir, 'rekisteri.lock');
  const content = JSON.stringify(ownerOfThisProcess());
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, content, { flag: 'wx', mode: 0o600 });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockPath, 'utf8') === content) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = parseOwner(fs.readFileSync(lockPath, 'utf8'));
      if (owner && ownerRuns(owner)) throw new DataDirLockedError(dir, owner.pid);
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}

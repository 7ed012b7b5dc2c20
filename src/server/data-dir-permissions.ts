import fs from 'node:fs';
import path from 'node:path';

/**
 * DATA_DIR holds the embedded databases, the key file and the key ring: readable by the owner
 * only. The process's umask becomes 077 at start, so that every file and directory made later —
 * PGlite's own files included, which it creates with the default modes — is 0600/0700; and a
 * DATA_DIR left looser by an earlier version or by hand is tightened, all of it.
 */
export function secureDataDir(dir: string): void {
  process.umask(0o077);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  tighten(dir);
}

function tighten(target: string): void {
  const stat = fs.lstatSync(target);
  if (stat.isSymbolicLink()) return; // points elsewhere: its target is the operator's to set
  if ((stat.mode & 0o077) !== 0) fs.chmodSync(target, stat.mode & 0o700);
  if (!stat.isDirectory()) return;
  for (const entry of fs.readdirSync(target)) tighten(path.join(target, entry));
}

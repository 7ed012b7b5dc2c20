import net from 'node:net';
import { AppError } from '../../lib/errors.ts';

export type ThrottlePolicy = {
  maxFailures: number;
  maxFailuresPerAddress: number;
  windowMinutes: number;
  lockMinutes: number;
};

const MINUTE = 60_000;

/** How far back failures can still matter: a lock that began a window's length after its first failure. */
export function throttleLookbackMs(policy: ThrottlePolicy): number {
  return (policy.windowMinutes + policy.lockMinutes) * MINUTE;
}

/**
 * When a key's lock ends, or null when it is not locked. A key locks when `max` failures fall
 * within one window, for `lockMinutes` from the last of them. Failures while locked are not
 * recorded, so a lock cannot be prolonged by hammering; one failure soon after a lock can lock
 * again while older failures are still in the window (the back-off).
 */
export function lockedUntil(
  failures: readonly Date[],
  max: number,
  policy: ThrottlePolicy,
  now: Date,
): Date | null {
  const times = failures.map((f) => f.getTime()).sort((a, b) => a - b);
  for (let last = times.length - 1; last >= max - 1; last--) {
    const end = times[last] as number;
    const first = times[last - max + 1] as number;
    if (end - first < policy.windowMinutes * MINUTE) {
      const until = end + policy.lockMinutes * MINUTE;
      return until > now.getTime() ? new Date(until) : null;
    }
  }
  return null;
}

/**
 * The key a client address counts under. An IPv6 client usually holds a whole /64, so the /64 is
 * one address here; an IPv4 address mapped into IPv6 counts as the IPv4 address.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return `ip:${mapped[1]}`;
  if (!net.isIPv6(address)) return `ip:${address}`;
  const [head = '', tail = ''] = (address.toLowerCase().split('%')[0] ?? '').split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = address.includes('::') && tail !== '' ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [
        ...headGroups,
        ...Array<string>(8 - headGroups.length - tailGroups.length).fill('0'),
        ...tailGroups,
      ]
    : headGroups;
  return `ip:${groups
    .slice(0, 4)
    .map((g) => g.padStart(4, '0'))
    .join(':')}::/64`;
}

/** 429 with the seconds until the lock ends; the route sends them as Retry-After. */
export class TooManySignInAttempts extends AppError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super(
      'too_many_requests',
      'Too many failed sign-in attempts. Wait a while and try again, or ask an administrator.',
      { extra: { retryAfterSeconds } },
    );
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

const inFlight = new Map<string, Promise<void>>();

/**
 * Runs sign-ins for one account one at a time in this process, so that parallel guesses cannot
 * all pass the failure count before any of them is recorded.
 */
export async function oneAtATime<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = inFlight.get(key) ?? Promise.resolve();
  const run = previous.then(task);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  inFlight.set(key, settled);
  try {
    return await run;
  } finally {
    if (inFlight.get(key) === settled) inFlight.delete(key);
  }
}

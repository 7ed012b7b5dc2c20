import type { Db } from '../../db/client.ts';
import {
  admitAddressAttempt,
  findSignInFailures,
  forgetAddressAttempts,
  recordSignInFailure,
  releaseAddressAttempt,
} from './auth.queries.ts';
import {
  addressKey,
  lockedUntil,
  oneAtATime,
  throttleLookbackMs,
  TooManySignInAttempts,
  type ThrottlePolicy,
} from './sign-in-throttle.ts';

export type GuessControl = {
  /** Whether the account had failures in the look-back: a success clears them. */
  accountHadFailures: boolean;
  /** Records the guess as a failure of the account, and keeps the address's attempt counted. */
  recordFailure: () => Promise<void>;
};

/**
 * Runs one guess of a secret (sign-in, or a password or code confirming a change) under the
 * throttle of decision 0008. The account's guesses run one at a time in this process and its
 * failures lock it (with back-off). The address's guesses come from many accounts at once, so
 * each is admitted by one atomic increment of the address's counter: exactly the limit pass,
 * however many arrive together. A guess that was no failure gives its attempt back.
 */
export async function throttledGuess<T>(
  db: Db,
  args: { accountKey: string; clientAddress: string; now: Date; throttle: ThrottlePolicy },
  guess: (control: GuessControl) => Promise<T>,
): Promise<T> {
  const { accountKey, now, throttle } = args;
  return oneAtATime(accountKey, async () => {
    const lookbackMs = throttleLookbackMs(throttle);
    const since = new Date(now.getTime() - lookbackMs);
    const failures = (await findSignInFailures(db, [accountKey], since)).map((f) => f.failedAt);
    const accountLock = lockedUntil(failures, throttle.maxFailures, throttle, now);
    if (accountLock) throw tooMany(accountLock, now);
    const ipKey = addressKey(args.clientAddress);
    const admitted = await admitAddressAttempt(db, ipKey, now, lookbackMs);
    if (admitted.attempts > throttle.maxFailuresPerAddress) {
      throw tooMany(new Date(admitted.windowStartedAt.getTime() + lookbackMs), now);
    }
    let failed = false;
    try {
      return await guess({
        accountHadFailures: failures.length > 0,
        recordFailure: async () => {
          failed = true;
          await recordSignInFailure(db, [accountKey], now, since);
          await forgetAddressAttempts(db, since);
        },
      });
    } finally {
      if (!failed) await releaseAddressAttempt(db, ipKey, admitted.windowStartedAt);
    }
  });
}

function tooMany(until: Date, now: Date): TooManySignInAttempts {
  return new TooManySignInAttempts(
    Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)),
  );
}

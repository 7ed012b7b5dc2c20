import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Answer } from '../contract/endpoint.ts';
import { accountApi, authApi } from '../contract/auth/auth.endpoints.ts';
import { ApiError, isAbort, setUnauthorizedHandler, type Permission } from './api.ts';
import { call } from './client.ts';
import { forgetAnswers } from './data.ts';

/** The signed-in user: who, which role, and which steps of the sign-in are still to do. */
export type Me = Answer<typeof authApi.me>;

export type Session =
  | { status: 'loading' }
  /** `expired`: the session ended while the user was working (idle or absolute limit). */
  | { status: 'signedOut'; expired: boolean }
  | { status: 'signedIn'; me: Me };

type SessionApi = {
  session: Session;
  /** The sign-in form's answer: the user now signed in. */
  signedIn: (me: Me) => void;
  signOut: () => Promise<void>;
  /** Reads `me` again after the user changed their own account (a pending step done). */
  refresh: () => Promise<void>;
  /** Ends every session of the user, this one too. */
  signOutEverywhere: () => Promise<void>;
};

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    // A 401 here means nobody is signed in yet, not that a session ended.
    call(authApi.me, {}, { signal: controller.signal, signingIn: true }).then(
      (me) => setSession({ status: 'signedIn', me }),
      (error: unknown) => {
        if (!isAbort(error)) setSession({ status: 'signedOut', expired: false });
      },
    );
    setUnauthorizedHandler(() =>
      setSession((current) =>
        current.status === 'signedIn' ? { status: 'signedOut', expired: true } : current,
      ),
    );
    return () => controller.abort();
  }, []);

  // No answer of one user's session stays in memory for the next user of the browser.
  useEffect(() => {
    if (session.status === 'signedOut') forgetAnswers();
  }, [session.status]);

  const signedIn = useCallback((me: Me) => setSession({ status: 'signedIn', me }), []);

  const signOut = useCallback(async () => {
    try {
      await call(authApi.logout, {});
    } catch {
      // The page forgets the user either way; the server ends the session at its idle limit.
    }
    setSession({ status: 'signedOut', expired: false });
  }, []);

  const refresh = useCallback(async () => {
    try {
      const me = await call(authApi.me, {}, { signingIn: true });
      setSession({ status: 'signedIn', me });
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) throw error;
      setSession({ status: 'signedOut', expired: true });
    }
  }, []);

  const signOutEverywhere = useCallback(async () => {
    await call(accountApi.logoutEverywhere, {});
    setSession({ status: 'signedOut', expired: false });
  }, []);

  const value = useMemo(
    () => ({ session, signedIn, signOut, refresh, signOutEverywhere }),
    [session, signedIn, signOut, refresh, signOutEverywhere],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession is used outside SessionProvider');
  return session;
}

/** The signed-in user; only for pages rendered behind the sign-in. */
export function useMe(): Me & { can: (permission: Permission) => boolean } {
  const { session } = useSession();
  if (session.status !== 'signedIn') throw new Error('useMe is used before signing in');
  const { me } = session;
  return { ...me, can: (permission) => me.permissions.includes(permission) };
}

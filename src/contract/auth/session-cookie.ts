/** The staff session's cookie: the server sets it, the public cookie notice names it. */
export const SESSION_COOKIE = 'rekisteri_session';

import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in of DVV's change interface (../shared/docs/dvv-changes-api.md), answering as
 * the document describes: `GET {base}/kirjausavain/{day}` and `POST {base}/muutokset`, both
 * behind the MUTP-Tunnus, MUTP-Salasana and X-Road-Client headers. The change log is a list of
 * entries in position order; each is for one identity code (the record itself may be broken on
 * purpose). `/muutokset` answers the records after the position for the codes asked, at most
 * `pageSize` a call, with `ajanTasalla` once none is left.
 */

export type StandInEntry = { position: number; identityCode: string; record: unknown };

export type DvvStandIn = {
  /** The base URL, `http://127.0.0.1:PORT/api/v1`. */
  url: string;
  credentials: { username: string; password: string; xroadClient: string };
  /** The environment the register reads (DVV_CHANGES_URL and the rest). */
  env: Record<string, string>;
  /** Adds changes to the log (positions must grow). */
  append(...entries: StandInEntry[]): void;
  /** Clears the log and the calls. */
  reset(options?: { positionsByDay?: Record<string, number>; head?: number }): void;
  /** Every `/muutokset` call: the position asked from and the codes sent. */
  calls: { from: number; identityCodes: string[] }[];
  /** When set, the n-th `/muutokset` call (1-based) waits for this promise before answering. */
  holdCall: { call: number; until: Promise<void> } | null;
  pageSize: number;
  close(): Promise<void>;
};

export async function startDvvStandIn(
  options: { pageSize?: number; positionsByDay?: Record<string, number>; head?: number } = {},
): Promise<DvvStandIn> {
  const credentials = {
    username: 'kunta-asiakasrekisteri',
    password: 'salasana-joka-ei-ole-oikea',
    xroadClient: 'FI-TEST/MUN/0123456-7/asiakasrekisteri',
  };
  let log: StandInEntry[] = [];
  let positionsByDay = options.positionsByDay ?? {};
  let head = options.head ?? 1000;
  const standIn = {
    calls: [] as { from: number; identityCodes: string[] }[],
    holdCall: null as { call: number; until: Promise<void> } | null,
    pageSize: options.pageSize ?? 2,
  };

  const send = (response: http.ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify(body));
  };

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void (async () => {
        if (
          request.headers['mutp-tunnus'] !== credentials.username ||
          request.headers['mutp-salasana'] !== credentials.password ||
          request.headers['x-road-client'] !== credentials.xroadClient
        ) {
          return send(response, 401, { virhe: 'Tunnistautuminen epäonnistui' });
        }
        const url = new URL(request.url ?? '/', 'http://stand-in');
        const day = /^\/api\/v1\/kirjausavain\/(\d{4}-\d{2}-\d{2})$/.exec(url.pathname);
        if (request.method === 'GET' && day) {
          return send(response, 200, { viimeisinKirjausavain: positionsByDay[day[1]!] ?? head });
        }
        if (request.method === 'POST' && url.pathname === '/api/v1/muutokset') {
          let body: { viimeisinKirjausavain?: unknown; hetulista?: unknown };
          try {
            body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
          } catch {
            return send(response, 400, { virhe: 'Virheellinen pyyntö' });
          }
          const from = body.viimeisinKirjausavain;
          const codes = body.hetulista;
          if (typeof from !== 'number' || !Array.isArray(codes)) {
            return send(response, 400, { virhe: 'Virheellinen pyyntö' });
          }
          standIn.calls.push({ from, identityCodes: codes as string[] });
          const hold = standIn.holdCall;
          if (hold && hold.call === standIn.calls.length) await hold.until;
          const wanted = new Set(codes as string[]);
          const after = log.filter((e) => e.position > from && wanted.has(e.identityCode));
          const page = after.slice(0, standIn.pageSize);
          const upToDate = after.length <= standIn.pageSize;
          const lastPosition = Math.max(head, ...log.map((e) => e.position));
          return send(response, 200, {
            viimeisinKirjausavain: upToDate ? Math.max(from, lastPosition) : page.at(-1)!.position,
            muutokset: page.map((e) => e.record),
            ajanTasalla: upToDate,
          });
        }
        return send(response, 404, { virhe: 'Ei löydy' });
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/api/v1`;
  return Object.assign(standIn, {
    url,
    credentials,
    env: {
      DVV_CHANGES_URL: url,
      DVV_CHANGES_USERNAME: credentials.username,
      DVV_CHANGES_PASSWORD: credentials.password,
      DVV_XROAD_CLIENT: credentials.xroadClient,
    },
    append(...entries: StandInEntry[]) {
      log.push(...entries);
      log.sort((a, b) => a.position - b.position);
    },
    reset(resetOptions: { positionsByDay?: Record<string, number>; head?: number } = {}) {
      log = [];
      standIn.calls.length = 0;
      standIn.holdCall = null;
      positionsByDay = resetOptions.positionsByDay ?? {};
      head = resetOptions.head ?? 1000;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/** A date as DVV gives it. */
export const dvvDay = (day: string) => ({ arvo: day, tarkkuus: 'PAIVA' });

/** A record for one identity code with these groups. */
export function dvvRecord(
  identityCode: string,
  groups: object[],
  changedAt = '2026-11-30T22:00:00.000Z',
) {
  return { henkilotunnus: identityCode, muutospv: changedAt, tietoryhmat: groups };
}

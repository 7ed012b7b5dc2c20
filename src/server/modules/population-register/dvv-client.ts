import { z } from 'zod';
import type { DvvConfig } from '../../config.ts';

/**
 * A client of DVV's change interface (VTJ-muutosrajapinta) as ../shared/docs/dvv-changes-api.md
 * describes it: two calls, each with the username, the password and the X-Road client id as
 * headers; JSON in UTF-8. Every failure is a DvvError that says what went wrong without a
 * credential or an identity code in it.
 */

export class DvvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DvvError';
  }
}

/** A page of changes: the records stay unparsed here; the sync parses each on its own. */
export type ChangesPage = { position: number; records: unknown[]; upToDate: boolean };

export type DvvClient = {
  /** The position of the change log on a day (`GET /kirjausavain/{day}`). */
  positionOn(day: string): Promise<number>;
  /** The changes after `position` for these identity codes (`POST /muutokset`). */
  changes(position: number, identityCodes: readonly string[]): Promise<ChangesPage>;
};

const position = z.number().int().nonnegative();
const positionAnswer = z.object({ viimeisinKirjausavain: position });
const changesAnswer = z.object({
  viimeisinKirjausavain: position,
  muutokset: z.array(z.unknown()),
  ajanTasalla: z.boolean(),
});

export const DVV_TIMEOUT_MS = 30_000;

export function dvvClient(
  config: DvvConfig,
  {
    timeoutMs = DVV_TIMEOUT_MS,
    fetchImpl = fetch,
  }: { timeoutMs?: number; fetchImpl?: typeof fetch } = {},
): DvvClient {
  const headers = {
    'MUTP-Tunnus': config.username,
    'MUTP-Salasana': config.password,
    'X-Road-Client': config.xroadClient,
    accept: 'application/json',
  };

  async function ask<T>(
    what: string,
    path: string,
    schema: z.ZodType<T>,
    body?: unknown,
  ): Promise<T> {
    const url = `${config.url}${path}`;
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method: body === undefined ? 'GET' : 'POST',
        headers:
          body === undefined
            ? headers
            : { ...headers, 'content-type': 'application/json; charset=utf-8' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      const cause = error instanceof Error ? error : new Error(String(error));
      if (cause.name === 'TimeoutError' || cause.name === 'AbortError') {
        throw new DvvError(
          `DVV's change interface did not answer ${what} within ${Math.round(timeoutMs / 1000)} s (${config.url})`,
        );
      }
      const inner = (
        cause as { cause?: { code?: string; message?: string; errors?: { code?: string }[] } }
      ).cause;
      const reason = inner?.code ?? inner?.errors?.[0]?.code ?? inner?.message ?? cause.message;
      throw new DvvError(
        `DVV's change interface could not be reached for ${what} at ${config.url}: ${reason}`,
      );
    }
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      throw new DvvError(
        `DVV's change interface refused ${what} (HTTP ${response.status}): check DVV_CHANGES_USERNAME, DVV_CHANGES_PASSWORD and DVV_XROAD_CLIENT`,
      );
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new DvvError(`DVV's change interface answered ${what} with HTTP ${response.status}`);
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      throw new DvvError(`DVV's change interface answered ${what} with something that is not JSON`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const paths = parsed.error.issues.map((issue) => issue.path.join('.') || '(the answer)');
      throw new DvvError(
        `DVV's change interface answered ${what} in an unexpected shape (${[...new Set(paths)].join(', ')})`,
      );
    }
    return parsed.data;
  }

  return {
    async positionOn(day) {
      const answer = await ask(
        `the position of ${day}`,
        `/kirjausavain/${encodeURIComponent(day)}`,
        positionAnswer,
      );
      return answer.viimeisinKirjausavain;
    },
    async changes(from, identityCodes) {
      const answer = await ask('the changes', '/muutokset', changesAnswer, {
        viimeisinKirjausavain: from,
        hetulista: identityCodes,
      });
      return {
        position: answer.viimeisinKirjausavain,
        records: answer.muutokset,
        upToDate: answer.ajanTasalla,
      };
    },
  };
}

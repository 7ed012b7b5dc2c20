// oidc-provider ships no types: what the stand-in identity provider (test-idp.ts) uses of it.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  type Ctx = { oidc: { client?: { clientId: string }; session: Session; result?: Result } };
  type Session = { accountId?: string; grantIdFor(clientId: string): string | undefined };
  type Result = { login?: { accountId: string }; consent?: { grantId?: string } };

  export class Grant {
    constructor(properties: { clientId: string; accountId: string });
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
    static find(id: string): Promise<Grant | undefined>;
  }

  export type Interaction = {
    uid: string;
    prompt: { name: string };
    params: Record<string, unknown>;
  };

  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    Grant: typeof Grant;
    proxy: boolean;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: Record<string, unknown>,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    on(event: string, listener: (...args: unknown[]) => void): void;
  }
  export type KoaContextWithOIDC = Ctx & { body: unknown; type: string; host: string };
}

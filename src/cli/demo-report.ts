import QRCode from 'qrcode';
import { otpauthUri } from '../server/lib/totp.ts';
import { groupSecret, TOTP_ISSUER } from '../server/modules/auth/account.service.ts';
import type { Role } from '../contract/auth/permissions.ts';
import type { DemoResult } from './demo.ts';

/** What each demo role is for, in a few words: the README's table says it in full. */
const ROLE_USE: Record<Role, string> = {
  admin: 'staff accounts, catalogue, units',
  customer_service: 'persons, orders, objections',
  billing: 'orders, invoices, payments',
  social_worker: "the unit's clients",
  register_officer: "data subjects' requests, access log",
  auditor: 'the access log',
  contractor: "the partner's customers only",
};

/**
 * What `rekisteri demo` prints: what it made, and how to sign in as each demo account. The
 * passwords and authenticator keys are shown this once: the register keeps only their hashes
 * and the keys encrypted.
 */
export async function demoReport(
  result: DemoResult,
  options: { where: string; address: string; seconds: string; qrCodes: boolean },
): Promise<string> {
  const [first] = result.accounts;
  const width = Math.max(...result.accounts.map((a) => a.username.length));
  const withCode = result.accounts.filter((a) => a.totpSecret !== null);
  const keys: string[] = [];
  for (const account of withCode) {
    const secret = account.totpSecret ?? '';
    const uri = otpauthUri({ issuer: TOTP_ISSUER, account: account.username, secret });
    keys.push(`  ${account.username}`, `    key:  ${groupSecret(secret)}`, `    link: ${uri}`);
    if (options.qrCodes) {
      keys.push(await QRCode.toString(uri, { type: 'terminal', small: true }));
    }
  }
  return [
    `The demo register is ready in ${options.where} (${options.seconds} s). Everything in it is fictional:`,
    ...result.created.map((line) => `  - ${line}`),
    '',
    `Start it with npm start (with the same DATA_DIR), open ${options.address} and sign in as:`,
    ...result.accounts.map(
      (a) =>
        `  ${a.username.padEnd(width)}  ${a.fullName.padEnd(18)} ${ROLE_USE[a.role]}${a.totpSecret ? ' (asks for a code)' : ''}`,
    ),
    '',
    `Password of every demo account: ${first?.password ?? ''}`,
    '',
    `${withCode.map((a) => a.username).join(', ')} sign in with a code from an authenticator app, as their roles require.`,
    'Add each to the app (FreeOTP, Google Authenticator, KeePassXC …) with its key or link',
    `(or print the current code with: oathtool --totp -b KEY):`,
    ...keys,
    '',
    `To begin: sign in as demo.customer_service and search for "${result.examplePerson}".`,
    'The passwords and keys are shown only now. To start over, remove the data directory and run',
    'npx rekisteri demo again.',
  ].join('\n');
}

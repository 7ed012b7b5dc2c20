import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { promptNewPassword, PromptFailed } from '../../src/cli/password-prompt.ts';
import { openDatabase } from '../../src/server/db/client.ts';
import { staffUsers } from '../../src/server/db/schema/index.ts';
import { verifyPassword } from '../../src/server/modules/auth/passwords.ts';

const CLI = path.resolve(import.meta.dirname, '../../src/cli/rekisteri.ts');

/** A terminal as the prompt sees one: raw mode recorded, keys written in as typed. */
function fakeTerminal() {
  const input = Object.assign(new PassThrough(), {
    isTTY: true,
    rawModes: [] as boolean[],
    setRawMode(raw: boolean) {
      input.rawModes.push(raw);
      return input;
    },
  });
  const output = new PassThrough();
  let shown = '';
  output.on('data', (chunk: Buffer) => (shown += chunk.toString()));
  return { input, output, shown: () => shown };
}

describe('the password prompt on a terminal', () => {
  test('reads twice without echo; Backspace removes the last character', async () => {
    const terminal = fakeTerminal();
    const answer = promptNewPassword(terminal);
    terminal.input.write('pitkä salasanaX\u007f\r');
    await new Promise((resolve) => setImmediate(resolve));
    terminal.input.write('pitkä salasana\r');
    assert.equal(await answer, 'pitkä salasana');
    assert.match(terminal.shown(), /^Password \(at least 12 characters; not shown as you type\): /);
    assert.match(terminal.shown(), /The same password again: /);
    assert.doesNotMatch(terminal.shown(), /salasana|\*/, 'neither the password nor stars shown');
    assert.deepEqual(terminal.input.rawModes, [true, false, true, false]);
  });

  test('two different passwords, and Ctrl-C, create nothing', async () => {
    const differ = fakeTerminal();
    const differing = promptNewPassword(differ);
    differ.input.write('ensimmäinen salasana\r');
    await new Promise((resolve) => setImmediate(resolve));
    differ.input.write('toinen salasana\r');
    await assert.rejects(
      differing,
      new PromptFailed('The two passwords differ: nothing was created'),
    );

    const cancel = fakeTerminal();
    const cancelled = promptNewPassword(cancel);
    cancel.input.write('kesken\u0003');
    await assert.rejects(cancelled, new PromptFailed('Cancelled: nothing was created'));
    assert.deepEqual(cancel.input.rawModes, [true, false], 'the terminal is given back');
  });
});

describe('rekisteri user add', () => {
  let dataDir: string;
  before(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rekisteri-user-add-'));
  });
  after(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  function cli(args: string[], input: string) {
    const env: Record<string, string | undefined> = { ...process.env, DATA_DIR: dataDir };
    for (const name of ['DATABASE_URL', 'REKISTERI_MASTER_KEY', 'KEYSTORE_DATABASE_URL']) {
      delete env[name];
    }
    const result = spawnSync(process.execPath, [CLI, ...args], {
      input,
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  test('--name and the prompt: asked twice on standard error, never shown; the two must agree', async () => {
    const differ = cli(
      ['user', 'add', 'maija', '--role', 'customer_service', '--name', 'Maija Meikäläinen'],
      'ensimmäinen salasana\ntoinen salasana\n',
    );
    assert.equal(differ.status, 2);
    assert.match(differ.stderr, /The two passwords differ: nothing was created/);

    const ended = cli(['user', 'add', 'maija', '--role', 'customer_service'], 'vain yksi rivi\n');
    assert.equal(ended.status, 2);
    assert.match(ended.stderr, /Standard input ended before the password was given/);

    const badName = cli(
      ['user', 'add', 'maija', '--role', 'customer_service', '--name', 'Maija\u0007'],
      'sininen polkupyörä 42\nsininen polkupyörä 42\n',
    );
    assert.equal(badName.status, 1);
    assert.match(badName.stderr, /fullName: The text has a control character/);

    const created = cli(
      ['user', 'add', 'maija', '--role', 'customer_service', '--name', ' Maija Meikäläinen '],
      'sininen polkupyörä 42\nsininen polkupyörä 42\n',
    );
    assert.equal(created.status, 0, created.stderr);
    assert.match(created.stdout, /Created customer_service account "maija" for Maija Meikäläinen/);
    assert.match(created.stderr, /Password \(at least 12 characters; not shown as you type\): /);
    assert.match(created.stderr, /The same password again: /);
    assert.doesNotMatch(created.stderr + created.stdout, /sininen polkupyörä 42/);

    const database = await openDatabase({ dataDir });
    try {
      const [row] = await database.db
        .select({ fullName: staffUsers.fullName, passwordHash: staffUsers.passwordHash })
        .from(staffUsers)
        .where(eq(staffUsers.username, 'maija'));
      assert.equal(row?.fullName, 'Maija Meikäläinen');
      assert.ok(row && (await verifyPassword(row.passwordHash, 'sininen polkupyörä 42')));
    } finally {
      await database.close();
    }
  });
});

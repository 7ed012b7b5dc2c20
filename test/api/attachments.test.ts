import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { beforeEach, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { requestAttachments } from '../../src/server/db/schema/index.ts';
import { accessLogEntries, callAs, forEachEngine, manualClock } from '../helpers/app.ts';

const clock = manualClock(new Date('2026-11-25T10:00:00Z'));

/** A small but real PDF header and body: what a scanner hands over, as far as the check goes. */
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n% Allekirjoitettu kirje: Aino Liite, Kirkkotie 1\n'),
  crypto.randomBytes(4096),
]);
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  crypto.randomBytes(200),
]);

type Problem = { errors?: { field: string; code?: string }[] };
const codesOf = (body: Problem) => (body.errors ?? []).map((e) => e.code);

forEachEngine(
  'attachments of a request',
  ({ ctx }) => {
    let officer: string;
    let personId: string;
    let requestId: string;

    const upload = (body: Buffer | string, type: string, name = 'kirje äö.pdf', cookie = officer) =>
      ctx().app.inject({
        method: 'POST',
        url: `/api/requests/${requestId}/attachments?name=${encodeURIComponent(name)}`,
        headers: { cookie, 'content-type': type },
        payload: body,
      });

    /** The letter and its envelope, a minute apart; the letter's id. */
    const uploadBoth = async () => {
      const letter = await upload(PDF, 'application/pdf');
      assert.equal(letter.statusCode, 201, letter.body);
      clock.advance(60_000);
      await upload(PNG, 'image/png', 'kuori.png');
      return letter.json().id as string;
    };

    // Each test's own officer, person and request, in the suite's database.
    beforeEach(async () => {
      officer = await ctx().signIn('register_officer');
      const person = await callAs(ctx(), officer, 'POST', '/api/persons', {
        firstName: 'Aino',
        lastName: 'Liite',
      });
      personId = person.json().id;
      const request = await callAs(ctx(), officer, 'POST', '/api/requests', {
        type: 'erasure',
        personId,
        receivedOn: '2026-11-24',
        channel: 'letter',
        language: 'fi',
      });
      assert.equal(request.statusCode, 201, request.body);
      requestId = request.json().id;
    });

    test('upload: stored encrypted under the person key, not as the plain file; logged', async () => {
      const before = (await accessLogEntries(ctx())).length;
      const response = await upload(PDF, 'application/pdf');
      assert.equal(response.statusCode, 201, response.body);
      const view = response.json();
      const attachmentId = view.id as string;
      assert.equal(view.fileName, 'kirje äö.pdf');
      assert.equal(view.contentType, 'application/pdf');
      assert.equal(view.sizeBytes, PDF.length);
      const [row] = await ctx()
        .database.db.select()
        .from(requestAttachments)
        .where(eq(requestAttachments.id, attachmentId));
      assert.ok(row);
      assert.equal(row.contentEncrypted[0], 2, 'the person-key format (decision 0011)');
      assert.equal(row.contentEncrypted.includes(PDF.subarray(0, 64)), false);
      assert.equal(row.contentEncrypted.includes(Buffer.from('Allekirjoitettu')), false);
      assert.equal(row.fileNameEncrypted.includes(Buffer.from('kirje')), false);
      const entries = (await accessLogEntries(ctx())).slice(before);
      assert.deepEqual(
        entries.map((e) => [e.action, e.subjectIds, e.fields]),
        [['create', [personId], ['requestAttachment']]],
      );
      assert.equal(JSON.stringify(entries).includes('kirje'), false, 'no file name in the log');
    });

    test('list and download: the exact bytes, with the name; each read logged', async () => {
      const attachmentId = await uploadBoth();
      const list = await callAs(ctx(), officer, 'GET', `/api/requests/${requestId}/attachments`);
      assert.equal(list.statusCode, 200, list.body);
      assert.deepEqual(
        list
          .json()
          .items.map((a: { fileName: string; sizeBytes: number }) => [a.fileName, a.sizeBytes]),
        [
          ['kirje äö.pdf', PDF.length],
          ['kuori.png', PNG.length],
        ],
      );
      const before = (await accessLogEntries(ctx())).length;
      const download = await callAs(
        ctx(),
        officer,
        'GET',
        `/api/requests/${requestId}/attachments/${attachmentId}`,
      );
      assert.equal(download.statusCode, 200);
      assert.equal(download.headers['content-type'], 'application/pdf');
      assert.match(
        String(download.headers['content-disposition']),
        /filename\*=UTF-8''kirje%20%C3%A4%C3%B6\.pdf/,
      );
      assert.ok(download.rawPayload.equals(PDF), 'the exact bytes');
      const entries = (await accessLogEntries(ctx())).slice(before);
      assert.deepEqual(
        entries.map((e) => [e.action, e.subjectIds, e.fields]),
        [['read', [personId], ['requestAttachment']]],
      );
      const history = await callAs(ctx(), officer, 'GET', `/api/requests/${requestId}`);
      assert.equal(
        history.json().history.filter((h: { action: string }) => h.action === 'attachment').length,
        2,
      );
    });

    test('bad files are named: type, content, size, empty, name; nothing is stored', async () => {
      const count = async () => (await ctx().database.db.select().from(requestAttachments)).length;
      const stored = await count();
      const word = await upload(Buffer.from('PK\u0003\u0004 not a letter'), 'application/msword');
      assert.equal(word.statusCode, 415, word.body);
      assert.deepEqual(codesOf(word.json()), ['attachment.typeNotAllowed']);
      const json = await upload('{"a":1}', 'application/json');
      assert.equal(json.statusCode, 415, json.body);
      const disguised = await upload(Buffer.from('GIF89a not a pdf'), 'application/pdf');
      assert.equal(disguised.statusCode, 415, disguised.body);
      assert.deepEqual(codesOf(disguised.json()), ['attachment.contentMismatch']);
      const empty = await upload(Buffer.alloc(0), 'image/jpeg');
      assert.equal(empty.statusCode, 400, empty.body);
      assert.deepEqual(codesOf(empty.json()), ['attachment.empty']);
      const big = Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(10 * 1024 * 1024)]);
      const tooBig = await upload(big, 'application/pdf');
      assert.equal(tooBig.statusCode, 413, tooBig.body);
      assert.deepEqual(codesOf(tooBig.json()), ['attachment.tooLarge']);
      const badName = await upload(PDF, 'application/pdf', '../../etc/passwd');
      assert.equal(badName.statusCode, 400, badName.body);
      assert.deepEqual(codesOf(badName.json()), ['text.path']);
      assert.equal(await count(), stored);
    });

    test('register officer only', async () => {
      const clerk = await ctx().signIn('customer_service');
      assert.equal((await upload(PDF, 'application/pdf', 'x.pdf', clerk)).statusCode, 403);
      const list = await callAs(ctx(), clerk, 'GET', `/api/requests/${requestId}/attachments`);
      assert.equal(list.statusCode, 403);
    });

    test("after the person's key is destroyed the download answers 409 personKey.destroyed", async () => {
      const attachmentId = await uploadBoth();
      await ctx().personKeys.personKeys.destroy(personId);
      const download = await callAs(
        ctx(),
        officer,
        'GET',
        `/api/requests/${requestId}/attachments/${attachmentId}`,
      );
      assert.equal(download.statusCode, 409, download.body);
      assert.deepEqual(codesOf(download.json()), ['personKey.destroyed']);
      const list = await callAs(ctx(), officer, 'GET', `/api/requests/${requestId}/attachments`);
      assert.deepEqual(
        list.json().items.map((a: { fileName: string | null }) => a.fileName),
        [null, null],
      );
    });
  },
  { clock },
);

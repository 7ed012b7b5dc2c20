import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  accessLogEntries,
  callAs,
  forEachEngineAppPerTest,
  signInNewUser,
} from '../helpers/app.ts';
import { insertTestPerson } from '../helpers/invoice-fixtures.ts';

/*
 * The register of paper documents (issue #18 item 4, decision 0034): who may handle a document
 * (only staff with the commitment signed), its destruction, the access log, and the erasure it
 * blocks until destroyed.
 */

forEachEngineAppPerTest('paper documents', ({ ctx }) => {
  test('the register officer records a document and its destruction; each is logged', async () => {
    const t = ctx();
    const officer = await t.signIn('register_officer');
    const person = await insertTestPerson(t.database, { firstName: 'Paula', lastName: 'Paperi' });
    const handlers = await callAs(t, officer, 'GET', '/api/paper-documents/handlers');
    assert.equal(handlers.statusCode, 200, handlers.body);
    const handler = (handlers.json().items as { id: string; name: string }[])[0];
    assert.ok(handler, 'the officer has signed the commitment and may handle paper');
    const uncommitted = await signInNewUser(t.app, t.database, t.keys, {
      username: 'sitoumukseton',
      role: 'customer_service',
      commitmentSigned: false,
    });
    const me = await callAs(t, uncommitted, 'GET', '/api/auth/me');
    const uncommittedId = me.json().id as string;
    assert.ok(
      !(handlers.json().items as { id: string }[]).some((h) => h.id === uncommittedId),
      'no commitment, not a handler',
    );

    const document = {
      personId: person,
      description: 'Allekirjoitettu kotihoidon hakemus, 3 sivua',
      location: 'Arkistohuone B, paloturvallinen kaappi 4',
      handlerIds: [handler.id],
      destroyOn: '2030-01-31',
    };
    const refused = await callAs(t, officer, 'POST', '/api/paper-documents', {
      ...document,
      handlerIds: [handler.id, uncommittedId],
    });
    assert.equal(refused.statusCode, 400, refused.body);
    assert.deepEqual(
      refused.json().errors.map((e: { field: string; code: string }) => [e.field, e.code]),
      [['handlerIds', 'paperDocument.handlerWithoutCommitment']],
    );

    const created = await callAs(t, officer, 'POST', '/api/paper-documents', document);
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().id as string;
    assert.deepEqual(created.json().handlers, [handler]);

    const service = await t.signIn('customer_service');
    const list = await callAs(t, service, 'GET', `/api/paper-documents?personId=${person}`);
    assert.equal(list.statusCode, 200, list.body);
    assert.deepEqual(
      list
        .json()
        .items.map((d: { location: string; destroyedOn: string | null }) => [
          d.location,
          d.destroyedOn,
        ]),
      [['Arkistohuone B, paloturvallinen kaappi 4', null]],
    );
    assert.equal(
      (
        await callAs(t, service, 'POST', `/api/paper-documents/${id}/destruction`, {
          destroyedOn: '2026-11-25',
        })
      ).statusCode,
      403,
      'customer service reads, the register officer records',
    );

    const destroyed = await callAs(t, officer, 'POST', `/api/paper-documents/${id}/destruction`, {
      destroyedOn: '2026-11-25',
      note: 'Silpattu, turvaluokka 3',
    });
    assert.equal(destroyed.statusCode, 200, destroyed.body);
    assert.equal(destroyed.json().destroyedOn, '2026-11-25');
    assert.equal(destroyed.json().destroyedBy.id, handler.id);
    const again = await callAs(t, officer, 'POST', `/api/paper-documents/${id}/destruction`, {
      destroyedOn: '2026-11-26',
    });
    assert.equal(again.statusCode, 409, again.body);
    assert.equal(again.json().errors[0].code, 'paperDocument.alreadyDestroyed');

    const log = (await accessLogEntries(t)).filter(
      (e) => e.fields.includes('paperDocuments') && e.subjectIds.includes(person),
    );
    assert.deepEqual(
      log.map((e) => e.action),
      ['create', 'read', 'update'],
    );
  });
});

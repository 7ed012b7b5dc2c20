import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessLogEntries, callAs, forEachEngine } from '../helpers/app.ts';

forEachEngine('the 409 for a registered identity code is an access to that person', ({ ctx }) => {
  test('a refused registration or change is logged as a search of the existing person', async () => {
    const clerk = await ctx().signIn('customer_service');
    const person = { lastName: 'Kaksonen', personalIdentityCode: '131052-308T' };
    const first = await callAs(ctx(), clerk, 'POST', '/api/persons', {
      ...person,
      firstName: 'Eka',
      personalIdentityCodePurpose: 'billing_and_collection',
    });
    assert.equal(first.statusCode, 201, first.body);
    const existing = first.json().id as string;
    const other = await callAs(ctx(), clerk, 'POST', '/api/persons', {
      firstName: 'Toka',
      lastName: 'Kaksonen',
    });
    const attempts = [
      await callAs(ctx(), clerk, 'POST', '/api/persons', {
        ...person,
        firstName: 'Toka',
        personalIdentityCodePurpose: 'billing_and_collection',
      }),
      await callAs(ctx(), clerk, 'PATCH', `/api/persons/${other.json().id}`, {
        personalIdentityCode: person.personalIdentityCode,
        personalIdentityCodePurpose: 'billing_and_collection',
      }),
    ];
    for (const refused of attempts) {
      assert.equal(refused.statusCode, 409, refused.body);
      assert.equal(refused.json().existingId, existing);
    }
    const searches = (await accessLogEntries(ctx())).filter(
      (entry) => entry.action === 'search' && entry.subjectIds.includes(existing),
    );
    assert.equal(searches.length, 2, JSON.stringify(searches));
    for (const entry of searches) {
      assert.deepEqual(entry.subjectIds, [existing]);
      assert.equal(entry.purpose, 'duplicate check');
      assert.deepEqual(entry.fields, ['personalIdentityCode']);
      assert.equal(entry.role, 'customer_service');
    }
  });
});

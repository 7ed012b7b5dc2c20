import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { staffUsers } from '../../src/server/db/schema/index.ts';
import { accessLogEntries, callAs, forEachEngine, manualClock } from '../helpers/app.ts';

/** Today is Wednesday 25 November 2026 in Helsinki. */
const clock = manualClock(new Date('2026-11-25T10:00:00Z'));

type Allowed = { action: string; notBefore?: string; outcomes?: string[]; tellBy?: string };
type View = {
  id: string;
  status: string;
  allowedActions: Allowed[];
  blockedActions: { action: string; code: string }[];
};
const actionsOf = (view: View) => view.allowedActions.map((a) => a.action);

/** Each step's endpoint and a body it would take. */
const STEPS = {
  verifyIdentity: ['identity', { method: 'signed_letter', verifiedOn: '2026-11-25' }],
  start: ['start', {}],
  decide: ['decision', { outcome: 'granted', decidedOn: '2026-11-25' }],
  answer: ['answer', { answeredOn: '2026-11-25' }],
} as const;

forEachEngine(
  "a request's allowed actions",
  ({ ctx }) => {
    let officer: string;
    let officerId: string;

    const call = (
      method: 'GET' | 'POST' | 'PATCH',
      url: string,
      payload?: object,
      cookie = officer,
    ) => callAs(ctx(), cookie, method, url, payload);
    const receive = async (type: string, person: object = {}): Promise<View> => {
      const created = await call('POST', '/api/persons', {
        firstName: 'Aino',
        lastName: 'Toimi',
        ...person,
      });
      assert.equal(created.statusCode, 201, created.body);
      const response = await call('POST', '/api/requests', {
        type,
        personId: created.json().id,
        receivedOn: '2026-11-24',
        channel: 'letter',
        language: 'fi',
      });
      assert.equal(response.statusCode, 201, response.body);
      return response.json();
    };
    const step = async (view: View, name: keyof typeof STEPS): Promise<View> => {
      const [path, body] = STEPS[name];
      const response = await call('POST', `/api/requests/${view.id}/${path}`, body);
      assert.equal(response.statusCode, 200, response.body);
      return response.json();
    };

    // Each test's own officer (with a full name) and its own persons and requests.
    beforeEach(async () => {
      officer = await ctx().signIn('register_officer');
      officerId = (await call('GET', '/api/auth/me')).json().id;
      await ctx()
        .database.db.update(staffUsers)
        .set({ fullName: 'Rea Rekisteri' })
        .where(eq(staffUsers.id, officerId));
    });

    test('each status lists the one step it leads to, and what stays open until the answer', async () => {
      let view = await receive('access');
      const seen: [string, string[]][] = [[view.status, actionsOf(view)]];
      for (const name of ['verifyIdentity', 'start', 'decide', 'answer'] as const) {
        view = await step(view, name);
        seen.push([view.status, actionsOf(view)]);
      }
      assert.deepEqual(seen, [
        ['received', ['verifyIdentity', 'extend', 'assign', 'note']],
        ['identity_verified', ['start', 'extend', 'assign', 'note']],
        ['in_progress', ['decide', 'extend', 'assign', 'note']],
        ['decided', ['answer', 'extend', 'assign', 'note', 'handOver']],
        ['answered', ['note']],
      ]);
      // The same list when read, not only in a change's answer.
      const read = await call('GET', `/api/requests/${view.id}`);
      assert.deepEqual(actionsOf(read.json()), ['note']);
    });

    test('each action says what it needs: the earliest date, the told-by day, the outcomes', async () => {
      const view = await step(await step(await receive('access'), 'verifyIdentity'), 'start');
      assert.deepEqual(
        view.allowedActions.filter((a) => a.action === 'decide' || a.action === 'extend'),
        [
          {
            action: 'decide',
            notBefore: '2026-11-25',
            outcomes: ['granted', 'partly_granted', 'refused'],
            reasonsRequiredFor: ['partly_granted', 'refused'],
          },
          // One month from 24 November is Christmas Eve, moved past the holidays and a Sunday.
          { action: 'extend', notBefore: '2026-11-24', tellBy: '2026-12-28' },
        ],
      );
      const extended = await call('POST', `/api/requests/${view.id}/extension`, {
        reason: 'Monimutkainen pyyntö',
        requesterToldOn: '2026-11-25',
      });
      assert.equal(extended.statusCode, 200, extended.body);
      assert.ok(!actionsOf(extended.json()).includes('extend'), 'extended only once');
    });

    test("an erasure is carried out in progress; a rectification's decision waits for its fields", async () => {
      const erasure = await step(await step(await receive('erasure'), 'verifyIdentity'), 'start');
      assert.deepEqual(actionsOf(erasure), ['decide', 'extend', 'assign', 'note', 'erase']);

      const rectification = await step(
        await step(await receive('rectification'), 'verifyIdentity'),
        'start',
      );
      assert.ok(!actionsOf(rectification).includes('decide'));
      assert.deepEqual(
        rectification.blockedActions.map((b) => [b.action, b.code]),
        [['decide', 'rectification.noItems']],
      );
    });

    test('an action the list does not offer, posted anyway, gets 409; another role gets 403', async () => {
      const view = await receive('access');
      const offered = new Set(actionsOf(view));
      for (const [name, [path, body]] of Object.entries(STEPS)) {
        if (offered.has(name)) continue;
        const response = await call('POST', `/api/requests/${view.id}/${path}`, body);
        assert.equal(response.statusCode, 409, `${name}: ${response.body}`);
        assert.equal(response.json().errors[0].code, 'request.wrongStatus');
      }
      const handOver = await call('POST', `/api/requests/${view.id}/access-package/hand-over`, {
        format: 'json',
        channel: 'email',
        handedOverOn: '2026-11-25',
      });
      assert.equal(handOver.statusCode, 409, handOver.body);

      const clerk = await ctx().signIn('customer_service');
      const read = await call('GET', `/api/requests/${view.id}`, undefined, clerk);
      assert.equal(read.statusCode, 403);
      const posted = await call(
        'POST',
        `/api/requests/${view.id}/identity`,
        STEPS.verifyIdentity[1],
        clerk,
      );
      assert.equal(posted.statusCode, 403);
    });

    test('staff by full name: the assignee, who verified, the notes and the history', async () => {
      const view = await step(await receive('access'), 'verifyIdentity');
      await call('PATCH', `/api/requests/${view.id}`, { assigneeId: officerId });
      const noted = await call('POST', `/api/requests/${view.id}/notes`, { text: 'Soitettu.' });
      const body = noted.json();
      const rea = { id: officerId, username: body.assignee.username, fullName: 'Rea Rekisteri' };
      assert.deepEqual(body.assignee, rea);
      assert.deepEqual(body.identity.verifiedBy, rea);
      assert.deepEqual(
        body.notes.map((n: { fullName: string }) => n.fullName),
        ['Rea Rekisteri'],
      );
      assert.deepEqual(
        body.history.map((h: { action: string; fullName: string }) => [h.action, h.fullName]),
        [
          ['create', 'Rea Rekisteri'],
          ['verifyIdentity', 'Rea Rekisteri'],
          ['assign', 'Rea Rekisteri'],
          ['note', 'Rea Rekisteri'],
        ],
      );
      assert.deepEqual(body.historyStaff, [rea]);
    });

    test('the page names the person with the masked identity code, and logs that it did', async () => {
      const view = await receive('access', {
        personalIdentityCode: '131052-308T',
        personalIdentityCodePurpose: 'consent',
      });
      const before = (await accessLogEntries(ctx())).length;
      const read = await call('GET', `/api/requests/${view.id}`);
      assert.equal(read.json().person.name, 'Aino Toimi');
      assert.equal(read.json().person.identityCode, '131052-****');
      const entries = (await accessLogEntries(ctx())).slice(before);
      assert.deepEqual(
        entries.map((e) => [e.action, e.fields]),
        [['read', ['requests', 'personalIdentityCode']]],
      );
    });
  },
  { clock },
);

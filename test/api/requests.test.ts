import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ROLES, roleHas } from '../../src/contract/auth/permissions.ts';
import { accessLogEntries, forEachEngineAppPerTest, manualClock, callAs } from '../helpers/app.ts';

/** Today is Wednesday 25 November 2026 in Helsinki. */
const clock = manualClock(new Date('2026-11-25T10:00:00Z'));

type Problem = { errors?: { field: string; code?: string }[] };
const fieldsOf = (body: Problem) => (body.errors ?? []).map((e) => [e.field, e.code]);

// The dashboard lists every request: each test starts from its own copy of the staff and the two
// persons, and receives (and carries along) the requests it needs.
forEachEngineAppPerTest(
  "data subjects' requests",
  ({ ctx, prepare }) => {
    let officer: string;
    let officerId: string;
    let clerk: string;
    let clerkId: string;
    const people: Record<string, string> = {};

    const call = (
      cookie: string,
      method: 'GET' | 'POST' | 'PATCH',
      url: string,
      payload?: object,
    ) => callAs(ctx(), cookie, method, url, payload);
    const me = async (cookie: string) =>
      (await call(cookie, 'GET', '/api/auth/me')).json().id as string;
    const receive = async (payload: object) => {
      const response = await call(officer, 'POST', '/api/requests', payload);
      assert.equal(response.statusCode, 201, response.body);
      return response.json();
    };
    const act = (id: string, action: string, payload: object = {}) =>
      call(officer, 'POST', `/api/requests/${id}/${action}`, payload);

    // A register officer, a clerk and two persons.
    prepare(async () => {
      officer = await ctx().signIn('register_officer');
      officerId = await me(officer);
      clerk = await ctx().signIn('customer_service');
      clerkId = await me(clerk);
      for (const [key, firstName, lastName] of [
        ['aino', 'Aino', 'Asiakas'],
        ['sven', 'Sven', 'Kund'],
      ] as const) {
        const response = await call(clerk, 'POST', '/api/persons', { firstName, lastName });
        assert.equal(response.statusCode, 201, response.body);
        people[key] = response.json().id;
      }
    });

    /** Aino's access request, received by letter on 24 November, in Swedish. */
    const receiveAinosAccessRequest = () =>
      receive({
        type: 'access',
        personId: people.aino,
        receivedOn: '2026-11-24',
        channel: 'letter',
        language: 'sv',
      });
    const verifyIdentity = (id: string) =>
      act(id, 'identity', { method: 'strong_identification', verifiedOn: '2026-11-25' });
    const decidePartly = (id: string) =>
      act(id, 'decision', {
        outcome: 'partly_granted',
        reasons: 'Toisen henkilön tiedot jätetään pois.',
        decidedOn: '2026-11-25',
      });
    const answer = (id: string) => act(id, 'answer', { answeredOn: '2026-11-25' });
    /** Aino's access request, carried through every step to answered. */
    const answeredAccessRequest = async () => {
      const { id } = await receiveAinosAccessRequest();
      for (const step of [verifyIdentity, (r: string) => act(r, 'start'), decidePartly, answer]) {
        const response = await step(id);
        assert.equal(response.statusCode, 200, response.body);
      }
      return id as string;
    };
    /** Sven's rectification request, received by email on 20 October: overdue today. */
    const receiveSvensRectification = () =>
      receive({
        type: 'rectification',
        personId: people.sven,
        receivedOn: '2026-10-20',
        channel: 'email',
        language: 'en',
      });
    const extend = (id: string) =>
      act(id, 'extension', { reason: 'Sources must be checked', requesterToldOn: '2026-11-10' });
    /** Sven's rectification request, extended to 20 January. */
    const extendedRectification = async () => {
      const { id } = await receiveSvensRectification();
      const extended = await extend(id);
      assert.equal(extended.statusCode, 200, extended.body);
      return id as string;
    };

    test('received: dueOn is a month later, past Christmas; the receipt is logged for the person', async () => {
      const logBefore = (await accessLogEntries(ctx())).length;
      const request = await receiveAinosAccessRequest();
      assert.equal(request.status, 'received');
      // 24 December is Christmas Eve, then Christmas, St Stephen's Day and a Sunday.
      assert.equal(request.dueOn, '2026-12-28');
      assert.equal(request.daysLeft, 33);
      assert.equal(request.overdue, false);
      assert.equal(request.extended, false);
      assert.deepEqual(request.person, {
        id: people.aino,
        name: 'Aino Asiakas',
        identityCode: null,
      });
      assert.equal(request.language, 'sv');
      assert.equal(request.identity, null);
      assert.deepEqual(
        request.history.map((h: { action: string }) => h.action),
        ['create'],
      );
      const entries = (await accessLogEntries(ctx())).slice(logBefore);
      assert.deepEqual(
        entries.map((e) => [e.action, e.subjectIds, e.fields]),
        [['create', [people.aino], ['requests']]],
      );
    });

    test('bad input names what is wrong and stores nothing', async () => {
      const before = (await call(officer, 'GET', '/api/requests?status=all')).json().items.length;
      const future = await call(officer, 'POST', '/api/requests', {
        type: 'erasure',
        personId: people.aino,
        receivedOn: '2026-11-26',
        channel: 'email',
        language: 'fi',
      });
      assert.equal(future.statusCode, 400);
      assert.deepEqual(fieldsOf(future.json()), [['receivedOn', 'request.dateInFuture']]);
      const nobody = await call(officer, 'POST', '/api/requests', {
        type: 'erasure',
        personId: '00000000-0000-4000-8000-000000000000',
        receivedOn: '2026-11-20',
        channel: 'email',
        language: 'fi',
      });
      assert.equal(nobody.statusCode, 404);
      assert.deepEqual(fieldsOf(nobody.json()), [['personId', 'request.unknownPerson']]);
      const notAllowed = await call(officer, 'POST', '/api/requests', {
        type: 'erasure',
        personId: people.aino,
        receivedOn: '2026-11-20',
        channel: 'counter',
        language: 'fi',
        assigneeId: clerkId,
      });
      assert.equal(notAllowed.statusCode, 400);
      assert.deepEqual(fieldsOf(notAllowed.json()), [['assigneeId', 'request.assigneeNotAllowed']]);
      const after = (await call(officer, 'GET', '/api/requests?status=all')).json().items.length;
      assert.equal(after, before);
    });

    test('received → identity verified → in progress → decided → answered; steps out of order are refused', async () => {
      const { id } = await receiveAinosAccessRequest();
      const early = await act(id, 'start');
      assert.equal(early.statusCode, 409);
      assert.deepEqual(fieldsOf(early.json()), [['status', 'request.wrongStatus']]);

      const beforeReceipt = await act(id, 'identity', {
        method: 'signed_letter',
        verifiedOn: '2026-11-23',
      });
      assert.equal(beforeReceipt.statusCode, 400);
      assert.deepEqual(fieldsOf(beforeReceipt.json()), [['verifiedOn', 'request.dateBeforeStep']]);

      const verified = await verifyIdentity(id);
      assert.equal(verified.statusCode, 200, verified.body);
      assert.equal(verified.json().status, 'identity_verified');
      assert.equal(verified.json().identity.method, 'strong_identification');
      assert.equal(verified.json().identity.verifiedBy.id, officerId);

      assert.equal((await act(id, 'start')).json().status, 'in_progress');

      const noReasons = await act(id, 'decision', { outcome: 'refused', decidedOn: '2026-11-25' });
      assert.equal(noReasons.statusCode, 400);
      assert.deepEqual(fieldsOf(noReasons.json()), [['reasons', 'request.reasonsRequired']]);
      const decided = await decidePartly(id);
      assert.equal(decided.statusCode, 200, decided.body);
      assert.deepEqual(decided.json().decision, {
        outcome: 'partly_granted',
        reasons: 'Toisen henkilön tiedot jätetään pois.',
        decidedOn: '2026-11-25',
      });

      const tooEarly = await act(id, 'answer', { answeredOn: '2026-11-24' });
      assert.deepEqual(fieldsOf(tooEarly.json()), [['answeredOn', 'request.dateBeforeStep']]);
      const answered = await answer(id);
      assert.equal(answered.statusCode, 200, answered.body);
      assert.equal(answered.json().status, 'answered');
      assert.equal(answered.json().daysLeft, null);
      assert.equal(answered.json().overdue, false);

      const lateExtension = await act(id, 'extension', {
        reason: 'Many requests',
        requesterToldOn: '2026-11-25',
      });
      assert.equal(lateExtension.statusCode, 409);
      const note = await act(id, 'notes', { text: 'Vastaus postitettu kirjattuna.' });
      assert.equal(note.statusCode, 200, note.body);
      const view = note.json();
      assert.deepEqual(
        view.notes.map((n: { text: string; username: string }) => n.text),
        ['Vastaus postitettu kirjattuna.'],
      );
      assert.deepEqual(
        view.history.map((h: { action: string }) => h.action),
        ['create', 'verifyIdentity', 'start', 'decide', 'answer', 'note'],
      );
      assert.deepEqual(view.history[3].changes.status, { old: 'in_progress', new: 'decided' });
    });

    test('extension: two more months when the requester was told within the first month, once', async () => {
      // Received 20 October: the first month ended Friday 20 November, so it is overdue today.
      const request = await receiveSvensRectification();
      assert.equal(request.dueOn, '2026-11-20');
      assert.equal(request.overdue, true);
      assert.equal(request.daysLeft, -5);

      const late = await act(request.id, 'extension', {
        reason: 'Sources must be checked',
        requesterToldOn: '2026-11-21',
      });
      assert.equal(late.statusCode, 400);
      assert.deepEqual(fieldsOf(late.json()), [['requesterToldOn', 'extension.toldTooLate']]);
      assert.match(late.json().detail, /2026-11-20/);

      const extended = await extend(request.id);
      assert.equal(extended.statusCode, 200, extended.body);
      assert.equal(extended.json().dueOn, '2027-01-20');
      assert.equal(extended.json().extended, true);
      assert.equal(extended.json().overdue, false);
      assert.deepEqual(extended.json().extension, {
        reason: 'Sources must be checked',
        requesterToldOn: '2026-11-10',
      });
      const again = await act(request.id, 'extension', {
        reason: 'Still more',
        requesterToldOn: '2026-11-12',
      });
      assert.equal(again.statusCode, 409);
      assert.deepEqual(fieldsOf(again.json()), [['status', 'request.alreadyExtended']]);
    });

    test('the dashboard: open requests by due date, the overdue first; answered apart; pages', async () => {
      const access = await answeredAccessRequest();
      const rectification = await extendedRectification();
      const overdue = await receive({
        type: 'objection',
        personId: people.sven,
        receivedOn: '2026-10-01',
        channel: 'counter',
        language: 'fi',
      });
      assert.equal(overdue.dueOn, '2026-11-02', '1 November 2026 is a Sunday');
      const fresh = await receive({
        type: 'erasure',
        personId: people.aino,
        receivedOn: '2026-11-25',
        channel: 'e_service',
        language: 'fi',
        assigneeId: officerId,
      });
      const open = (await call(officer, 'GET', '/api/requests')).json();
      assert.deepEqual(
        open.items.map((r: { id: string; overdue: boolean; dueOn: string }) => [
          r.id,
          r.dueOn,
          r.overdue,
        ]),
        [
          [overdue.id, '2026-11-02', true],
          [fresh.id, '2026-12-28', false],
          [rectification, '2027-01-20', false],
        ],
      );
      const answered = (await call(officer, 'GET', '/api/requests?status=answered')).json();
      assert.deepEqual(
        answered.items.map((r: { id: string }) => r.id),
        [access],
      );
      const mine = (await call(officer, 'GET', `/api/requests?assigneeId=${officerId}`)).json();
      assert.deepEqual(
        mine.items.map((r: { id: string; assignee: { username: string } }) => r.id),
        [fresh.id],
      );

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
        const page = (await call(officer, 'GET', `/api/requests?limit=1${query}`)).json();
        seen.push(...page.items.map((r: { id: string }) => r.id));
        cursor = page.nextCursor;
      } while (cursor);
      assert.deepEqual(
        seen,
        open.items.map((r: { id: string }) => r.id),
      );

      const svens = (
        await call(officer, 'GET', `/api/persons/${people.sven}/requests?status=all`)
      ).json();
      assert.deepEqual(
        svens.items.map((r: { id: string }) => r.id),
        [rectification, overdue.id],
        'newest receipt first',
      );
    });

    test('assigning: only to an active account that may handle requests; null unassigns', async () => {
      const { id } = await receiveSvensRectification();
      const clerkAssigned = await call(officer, 'PATCH', `/api/requests/${id}`, {
        assigneeId: clerkId,
      });
      assert.equal(clerkAssigned.statusCode, 400);
      assert.deepEqual(fieldsOf(clerkAssigned.json()), [
        ['assigneeId', 'request.assigneeNotAllowed'],
      ]);
      const unknown = await call(officer, 'PATCH', `/api/requests/${id}`, {
        assigneeId: '00000000-0000-4000-8000-000000000000',
      });
      assert.deepEqual(fieldsOf(unknown.json()), [['assigneeId', 'request.unknownAssignee']]);
      const assigned = await call(officer, 'PATCH', `/api/requests/${id}`, {
        assigneeId: officerId,
      });
      assert.equal(assigned.statusCode, 200, assigned.body);
      assert.equal(assigned.json().assignee.id, officerId);
      const unassigned = await call(officer, 'PATCH', `/api/requests/${id}`, {
        assigneeId: null,
      });
      assert.equal(unassigned.json().assignee, null);
      // The history names the assignee by id; the view gives the names of each one named, so
      // the page says who it was even after the request is unassigned.
      const { username } = (await call(officer, 'GET', '/api/auth/me')).json();
      assert.deepEqual(unassigned.json().historyStaff, [
        { id: officerId, username, fullName: null },
      ]);
      const assignments = unassigned
        .json()
        .history.filter((event: { action: string }) => event.action === 'assign')
        .map((event: { changes: unknown }) => event.changes);
      assert.deepEqual(assignments.slice(-2), [
        { assigneeId: { old: null, new: officerId } },
        { assigneeId: { old: officerId, new: null } },
      ]);
    });

    test('reading a request is logged for its person; the dashboard logs every listed person', async () => {
      const access = await answeredAccessRequest();
      const logBefore = (await accessLogEntries(ctx())).length;
      await call(officer, 'GET', `/api/requests/${access}`);
      await call(officer, 'GET', '/api/requests?status=answered');
      const entries = (await accessLogEntries(ctx())).slice(logBefore);
      assert.deepEqual(
        entries.map((e) => [e.action, e.subjectIds, e.fields]),
        [
          ['read', [people.aino], ['requests']],
          ['read', [people.aino], ['requests']],
        ],
      );
    });

    test('only the register officer handles requests: other roles get a bare 403, nothing logged', async () => {
      const access = (await receiveAinosAccessRequest()).id as string;
      const rectification = (await receiveSvensRectification()).id as string;
      const routes = [
        ['requests.read', 'GET', '/api/requests', undefined],
        ['requests.read', 'GET', `/api/requests/${access}`, undefined],
        ['requests.read', 'GET', `/api/persons/${people.aino}/requests`, undefined],
        [
          'requests.manage',
          'POST',
          '/api/requests',
          {
            type: 'access',
            personId: people.aino,
            receivedOn: '2026-11-25',
            channel: 'email',
            language: 'fi',
          },
        ],
        ['requests.manage', 'POST', `/api/requests/${rectification}/notes`, { text: 'x' }],
      ] as const;
      const logBefore = (await accessLogEntries(ctx())).length;
      let refused = 0;
      for (const role of ROLES) {
        const cookie = await ctx().signIn(role);
        for (const [permission, method, url, payload] of routes) {
          if (roleHas(role, permission)) continue;
          const response = await call(cookie, method, url, payload);
          assert.equal(response.statusCode, 403, `${role} ${method} ${url}: ${response.body}`);
          refused++;
        }
      }
      assert.equal(refused, 6 * routes.length);
      assert.equal((await accessLogEntries(ctx())).length, logBefore);
    });
  },
  { clock },
);

import { formatPhoneFinnish } from '../../src/finnish/index.ts';
import { foldForSearch } from '../../src/server/lib/search-text.ts';
import { MIN_NAME_QUERY } from '../../src/server/modules/search/search.service.ts';
import {
  generateOrganizations,
  generatePersons,
  SEED,
  type SeedOrganization,
  type SeedPerson,
} from '../seed/generate.ts';
import { Random } from '../seed/random.ts';

export type QueryKind = 'name' | 'identityCode' | 'email' | 'phone' | 'businessId';
export type BenchQuery = { q: string; kind: QueryKind };

/** What staff type when they half remember a name: the examples the issue names, always included. */
const FIXED_NAME_QUERIES = [
  'virtnen',
  'hamalainen',
  'Mäkelä Anna',
  'korhnen',
  'jarvinen',
  'Lindqvist',
];

const COUNTS = {
  personNames: 20,
  organizationNames: 4,
  identityCode: 9,
  email: 7,
  phone: 7,
  businessId: 7,
};

/** A typo: one letter of the surname left out ("Virtanen" → "virtnen"). */
function dropLetter(random: Random, word: string): string {
  const folded = foldForSearch(word);
  if (folded.length < 6) return folded;
  const at = random.int(1, folded.length - 2);
  return folded.slice(0, at) + folded.slice(at + 1);
}

/** A typo: two neighbouring letters swapped ("Nieminen" → "nieimnen"). */
function swapLetters(random: Random, word: string): string {
  const folded = foldForSearch(word);
  if (folded.length < 6) return folded;
  const at = random.int(1, folded.length - 3);
  return folded.slice(0, at) + folded[at + 1] + folded[at] + folded.slice(at + 2);
}

const firstGiven = (person: SeedPerson) => person.firstName.split(' ')[0] ?? person.firstName;

function personNameQuery(random: Random, person: SeedPerson, variant: number): string {
  const query = nameVariant(random, person, variant);
  // A two-letter surname ("Li", "Ek") alone is refused as too short: staff type the whole name.
  return foldForSearch(query).length < MIN_NAME_QUERY
    ? `${person.firstName} ${person.lastName}`
    : query;
}

function nameVariant(random: Random, person: SeedPerson, variant: number): string {
  switch (variant % 5) {
    case 0:
      return dropLetter(random, person.lastName);
    case 1:
      // å/ä/ö typed as a/o, in lower case.
      return foldForSearch(person.lastName);
    case 2:
      return `${person.lastName} ${firstGiven(person)}`;
    case 3:
      return `${person.firstName} ${person.lastName}`;
    default:
      return `${firstGiven(person)} ${swapLetters(random, person.lastName)}`;
  }
}

/** Up to `count` items of a stream picked uniformly at the given positions. */
function pickAt<T>(items: Iterable<T>, positions: number[]): T[] {
  const wanted = new Set(positions);
  const last = Math.max(-1, ...positions);
  const picked: T[] = [];
  let i = 0;
  for (const item of items) {
    if (wanted.has(i)) picked.push(item);
    if (++i > last) break;
  }
  return picked;
}

function positions(random: Random, count: number, range: number): number[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, range)) chosen.add(random.int(0, range - 1));
  return [...chosen].sort((a, b) => a - b);
}

/**
 * The fixed query set: name fragments with typos and folded letters, full names, and exact
 * identity codes, e-mails, phones and business IDs of persons and organisations that are in the
 * database (regenerated from the seed, so nothing is read back). Same n, same queries.
 */
export function buildSearchQueries(persons: number, organizations: number): BenchQuery[] {
  const random = new Random(`${SEED}/queries`);
  const sampled = pickAt(generatePersons(persons), positions(random, 400, persons)).filter(
    (person) => person.archivedAt === null,
  );
  random.shuffle(sampled);
  const sampledOrganizations = pickAt(
    generateOrganizations(organizations),
    positions(random, COUNTS.organizationNames + COUNTS.businessId, organizations),
  );
  const queries: BenchQuery[] = FIXED_NAME_QUERIES.map((q) => ({ q, kind: 'name' }));
  // Each sampled person serves one query.
  const take = (count: number, has: (person: SeedPerson) => boolean) => {
    const taken = sampled.filter(has).slice(0, count);
    for (const person of taken) sampled.splice(sampled.indexOf(person), 1);
    return taken;
  };

  take(COUNTS.personNames, () => true).forEach((person, i) =>
    queries.push({ q: personNameQuery(random, person, i), kind: 'name' }),
  );
  sampledOrganizations
    .slice(0, COUNTS.organizationNames)
    .forEach((organization: SeedOrganization, i) =>
      queries.push({
        q: i % 2 === 0 ? organization.name : dropLetter(random, organization.name),
        kind: 'name',
      }),
    );
  take(COUNTS.identityCode, (p) => p.identityCode !== null).forEach((person) =>
    queries.push({ q: person.identityCode ?? '', kind: 'identityCode' }),
  );
  take(COUNTS.email, (p) => p.email !== null).forEach((person, i) =>
    queries.push({
      q: i % 3 === 2 ? (person.email ?? '').toUpperCase() : (person.email ?? ''),
      kind: 'email',
    }),
  );
  take(COUNTS.phone, (p) => p.phone !== null).forEach((person, i) =>
    queries.push({
      // Half as typed from a business card ("040 123 4567"), half as stored.
      q: i % 2 === 0 ? formatPhoneFinnish(person.phone ?? '') : (person.phone ?? ''),
      kind: 'phone',
    }),
  );
  sampledOrganizations
    .slice(COUNTS.organizationNames)
    .forEach((organization) => queries.push({ q: organization.businessId, kind: 'businessId' }));
  return queries;
}

/** The measured order: whole rounds of the query set, each round in its own seeded order. */
export function requestSequence(queries: readonly BenchQuery[], requests: number): BenchQuery[] {
  const random = new Random(`${SEED}/sequence`);
  const sequence: BenchQuery[] = [];
  while (sequence.length < requests) sequence.push(...random.shuffle([...queries]));
  return sequence.slice(0, requests);
}

import type { BillingData, PostalAddress } from '../../src/server/db/schema/customers.ts';
import { makeBusinessId, makeIdentityCode } from '../../src/finnish/index.ts';
import { foldForSearch } from '../../src/server/lib/search-text.ts';
import { IDENTITY_CODE_PURPOSES } from '../../src/contract/persons/persons.schemas.ts';
import { givenNames, surnames, type Background } from './names.ts';
import { drawAddress, drawStreetName } from './places.ts';
import { Random, WeightedTable } from './random.ts';

/** Change this and every seeded bench database is rebuilt (it no longer holds the same rows). */
export const SEED = 'asiakasrekisteri bench seed v1';

/** Dates in the register are relative to this day, not to the day the bench runs. */
const REFERENCE_DAY = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;

export const organizationCount = (persons: number) => Math.max(1, Math.round(persons / 50));

export type SeedPerson = {
  id: string;
  firstName: string;
  lastName: string;
  identityCode: string | null;
  identityCodePurpose: string | null;
  email: string | null;
  phone: string | null;
  permanentAddress: PostalAddress | null;
  contactAddress: PostalAddress | null;
  language: 'fi' | 'sv' | 'en';
  addressProtection: { endsOn: string | null; source: string } | null;
  searchText: string;
  createdAt: string;
  archivedAt: string | null;
};

export type SeedOrganization = {
  id: string;
  name: string;
  businessId: string;
  postalAddress: PostalAddress | null;
  billing: BillingData | null;
  email: string | null;
  phone: string | null;
  searchText: string;
  createdAt: string;
};

const backgrounds = new WeightedTable<Background>([
  ['finnish', 0.895],
  ['swedish', 0.055],
  ['foreign', 0.05],
]);

// Share of the population by age in five-year bands (Statistics Finland, rounded).
// prettier-ignore
const AGE_BANDS = new WeightedTable<number>(
  [4.5, 5.3, 5.6, 5.5, 5.8, 6.2, 6.5, 6.3, 6.1, 5.9, 6.0, 6.3, 6.6, 6.4, 6.5, 5.0, 3.3, 1.8, 0.8]
    .map((share, band): [number, number] => [band * 5, share]),
);

const EMAIL_DOMAINS = new WeightedTable<string>([
  ['gmail.com', 40],
  ['hotmail.com', 12],
  ['outlook.com', 8],
  ['yahoo.com', 4],
  ['luukku.com', 3],
  ['suomi24.fi', 3],
  ['elisanet.fi', 5],
  ['saunalahti.fi', 4],
  ['kolumbus.fi', 2],
  ['icloud.com', 6],
  ['live.fi', 3],
  ['tuni.fi', 3],
  ['tampere.fi', 2],
]);

const MOBILE_PREFIXES = new WeightedTable<string>([
  ['40', 30],
  ['50', 28],
  ['44', 14],
  ['45', 10],
  ['41', 8],
  ['46', 6],
  ['42', 4],
]);

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const isoInstant = (ms: number) => new Date(ms).toISOString();

/** Letters for an e-mail local part: "Mäkelä-Öhman" → "makela-ohman". */
const emailPart = (name: string) => foldForSearch(name).replace(/[^a-z0-9-]/g, '');

function drawEmail(random: Random, first: string, last: string, birthYear: number): string {
  const f = emailPart(first.split(' ')[0] ?? first);
  const l = emailPart(last);
  const local = random.pick([
    `${f}.${l}`,
    `${f}.${l}`,
    `${f}${l}`,
    `${f}.${l}${random.int(1, 99)}`,
    `${f.slice(0, 1)}.${l}`,
    `${f}_${l}${birthYear % 100}`,
    `${l}.${f}`,
  ]);
  return `${local}@${EMAIL_DOMAINS.draw(random)}`;
}

function drawMobile(random: Random): string {
  return `+358${MOBILE_PREFIXES.draw(random)}${random.digits(7)}`;
}

/**
 * The persons of the synthetic register, in order: the same seed and count always give the same
 * persons (identity codes included, so a benchmark can search for them without reading them back).
 */
export function* generatePersons(count: number, seed = SEED): Generator<SeedPerson> {
  const random = new Random(`${seed}/persons`);
  const codes = new Set<string>();
  for (let i = 0; i < count; i++) {
    const background = backgrounds.draw(random);
    const sex = random.chance(0.5) ? 'female' : 'male';
    const names = givenNames[background][sex];
    let firstName = names.draw(random);
    if (background !== 'foreign' && random.chance(0.25)) {
      const second = names.draw(random);
      if (second !== firstName) firstName = `${firstName} ${second}`;
    }
    let lastName = surnames[background].draw(random);
    if (background === 'finnish' && random.chance(0.01)) {
      lastName = `${lastName}-${surnames.finnish.draw(random)}`;
    }
    const age = AGE_BANDS.draw(random) + random.int(0, 4);
    const born = REFERENCE_DAY - age * 365.25 * DAY - random.int(0, 364) * DAY;
    const birthDay = isoDay(born);

    let identityCode: string | null = null;
    if (random.chance(0.3)) {
      do {
        identityCode = makeIdentityCode(birthDay, random.int(2, 899));
      } while (codes.has(identityCode));
      codes.add(identityCode);
    }
    const protectedAddress = random.chance(0.005);
    const permanentAddress = random.chance(0.92) ? drawAddress(random) : null;
    const contactAddress = random.chance(0.05) ? drawAddress(random) : null;
    const email =
      age >= 13 && random.chance(0.7)
        ? drawEmail(random, firstName, lastName, new Date(born).getUTCFullYear())
        : null;
    const phone = age >= 10 && random.chance(0.8) ? drawMobile(random) : null;
    const createdAt = REFERENCE_DAY - random.int(30, 7 * 365) * DAY - random.int(0, DAY - 1);
    yield {
      id: random.uuid(),
      firstName,
      lastName,
      identityCode,
      identityCodePurpose: identityCode ? random.pick(IDENTITY_CODE_PURPOSES) : null,
      email,
      phone,
      permanentAddress,
      contactAddress,
      language:
        background === 'swedish'
          ? 'sv'
          : background === 'foreign' && random.chance(0.4)
            ? 'en'
            : 'fi',
      addressProtection: protectedAddress
        ? {
            endsOn: random.chance(0.7)
              ? null
              : isoDay(REFERENCE_DAY + random.int(30, 5 * 365) * DAY),
            source: 'Digi- ja väestötietovirasto',
          }
        : null,
      searchText: foldForSearch(`${firstName} ${lastName}`),
      createdAt: isoInstant(createdAt),
      archivedAt: random.chance(0.01) ? isoInstant(createdAt + random.int(1, 30) * DAY) : null,
    };
  }
}

// prettier-ignore
const TRADES = [
  'Rakennus', 'Sähkö', 'Putki', 'LVI', 'Kuljetus', 'Siivous', 'Maalaus', 'Tilitoimisto',
  'Autokorjaamo', 'Kiinteistöhuolto', 'Kukka', 'Parturi-Kampaamo', 'Leipomo', 'Hammaslääkäri',
  'Fysioterapia', 'Kattotyö', 'Metalli', 'Puutarha', 'Catering', 'Konsultointi', 'Ohjelmisto',
  'Lukko', 'Lasitus', 'Taksi', 'Remontti', 'Kahvila', 'Kirjanpito', 'Piha ja Kivi',
];
// prettier-ignore
const PLACES = [
  'Tampereen', 'Pirkanmaan', 'Hervannan', 'Kalevan', 'Pispalan', 'Tesoman', 'Lielahden',
  'Nekalan', 'Hämeen', 'Näsijärven', 'Pyhäjärven', 'Messukylän', 'Kaukajärven', 'Annalan',
];
// prettier-ignore
const ASSOCIATIONS = [
  'Omakotiyhdistys ry', 'Urheiluseura ry', 'Eläkeläiset ry', 'Kotiseutuyhdistys ry',
  'Vanhempainyhdistys ry', 'Partiolaiset ry', 'Kuoro ry', 'Metsästysseura ry', 'Kyläyhdistys ry',
];

function organizationName(random: Random): string {
  const surname = () => surnames.finnish.draw(random);
  switch (random.int(0, 9)) {
    case 0:
    case 1:
      return `Asunto Oy ${drawStreetName(random)} ${random.int(1, 60)}`;
    case 2:
      return `Kiinteistö Oy ${drawStreetName(random)} ${random.int(1, 40)}`;
    case 3:
      return `${random.pick(TRADES)} ${surname()} Oy`;
    case 4:
      return `${random.pick(PLACES)} ${random.pick(TRADES)} Oy`;
    case 5: {
      const sex = random.chance(0.5) ? 'female' : 'male';
      return `Tmi ${givenNames.finnish[sex].draw(random)} ${surname()}`;
    }
    case 6:
      return `${random.pick(PLACES)} ${random.pick(ASSOCIATIONS)}`;
    case 7:
      return `${surname()} & ${surname()} Ky`;
    case 8:
      return `${surname()} Consulting Oy`;
    default:
      return `${random.pick(TRADES)}palvelu ${surname()} Oy`;
  }
}

const INTERMEDIATORS = ['E204503', '003723327487', '003721291126', 'BAWCFI22', 'NDEAFIHH'];

/** The organisations, with unique valid business IDs, in order (deterministic as above). */
export function* generateOrganizations(count: number, seed = SEED): Generator<SeedOrganization> {
  const random = new Random(`${seed}/organizations`);
  const businessIds = new Set<string>();
  for (let i = 0; i < count; i++) {
    let businessId: string | null = null;
    while (businessId === null || businessIds.has(businessId)) {
      businessId = makeBusinessId(random.int(100_000, 3_400_000));
    }
    businessIds.add(businessId);
    const name = organizationName(random);
    const longest = name.split(' ').reduce((a, b) => (b.length > a.length ? b : a), '');
    const domain = `${emailPart(longest) || 'yritys'}.fi`;
    const ovt = `0037${businessId.replace('-', '')}`;
    const createdAt = REFERENCE_DAY - random.int(30, 7 * 365) * DAY;
    yield {
      id: random.uuid(),
      name,
      businessId,
      postalAddress: drawAddress(random),
      billing: random.chance(0.4)
        ? {
            billingAddress: null,
            eInvoiceAddress: ovt,
            eInvoiceIntermediator: random.pick(INTERMEDIATORS),
            ovt,
          }
        : null,
      email: random.chance(0.7)
        ? `${random.pick(['info', 'toimisto', 'laskutus'])}@${domain}`
        : null,
      phone: random.chance(0.8)
        ? random.chance(0.5)
          ? drawMobile(random)
          : `+3583${random.digits(7)}`
        : null,
      searchText: foldForSearch(name),
      createdAt: isoInstant(createdAt),
    };
  }
}

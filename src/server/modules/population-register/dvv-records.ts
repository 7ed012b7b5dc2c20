import { z } from 'zod';
import { parseIdentityCode } from '../../../finnish/index.ts';
import type { DvvProhibitionKind } from '../../../contract/population-register/population-register.constants.ts';

/**
 * One change record of DVV's change interface, read into what the register does with it
 * (../shared/docs/dvv-changes-api.md, "A record"). A record that does not parse throws
 * RecordUnparsable, naming the place but never a value; the sync reports it and goes on.
 */

export class RecordUnparsable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecordUnparsable';
  }
}

/** A permanent address as DVV gives it: street and post office in Finnish and Swedish. */
export type DvvAddress = {
  street: { fi: string | null; sv: string | null };
  postalCode: string;
  postOffice: { fi: string | null; sv: string | null };
};

export type DvvChange = {
  identityCode: string;
  changedAt: string | null;
  /** The kinds of the record's groups, in order, each once. */
  kinds: string[];
  name?: { firstName: string; lastName: string };
  permanentAddress?: DvvAddress;
  protection?: { active: boolean; endsOn: string | null };
  deceasedOn?: string;
  /** The identity code in force after a correction. */
  activeIdentityCode?: string;
  /** Codes the person had before (to find them by). */
  previousIdentityCodes: string[];
  prohibitions: { kind: DvvProhibitionKind; active: boolean; since: string | null }[];
  /** unknownKind:KIND, withheld:KIND, informational:KIND, ignored:KIND */
  notes: string[];
};

const CHANGE_ATTRIBUTES = ['LISATTY', 'MUUTETTU', 'POISTETTU', 'LISATIETO'] as const;

const group = z.looseObject({
  tietoryhma: z.string().min(1).max(100),
  muutosattribuutti: z.enum(CHANGE_ATTRIBUTES),
  turvakiellonAlaisetKentat: z.array(z.string()).optional(),
});
type Group = z.infer<typeof group>;

const record = z.looseObject({
  henkilotunnus: z.string().min(1).max(20),
  muutospv: z.iso.datetime({ offset: true }).optional(),
  tietoryhmat: z.array(group).max(200),
});

/** A date as DVV gives it: `{arvo, tarkkuus}` or a plain day; a year or a month counts from its start. */
const dvvDate = z
  .union([z.object({ arvo: z.string(), tarkkuus: z.string().optional() }), z.string()])
  .transform((value, ctx) => {
    const raw = typeof value === 'string' ? value : value.arvo;
    const day = /^\d{4}$/.test(raw)
      ? `${raw}-01-01`
      : /^\d{4}-\d{2}$/.test(raw)
        ? `${raw}-01`
        : raw;
    const parsed = new Date(`${day}T00:00:00Z`);
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(day) ||
      Number.isNaN(parsed.getTime()) ||
      parsed.toISOString().slice(0, 10) !== day
    ) {
      ctx.addIssue({ code: 'custom', message: 'not a date' });
      return z.NEVER;
    }
    return day;
  });

const text = (max: number) => z.string().trim().min(1).max(max);
const bilingual = z.object({
  fi: z.string().trim().max(200).nullish(),
  sv: z.string().trim().max(200).nullish(),
});

const nameGroup = z.looseObject({ etunimi: text(200), sukunimi: text(200) });
const addressGroup = z.looseObject({
  katunimi: bilingual.nullish(),
  katunumero: z.string().trim().max(20).nullish(),
  huoneistokirjain: z.string().trim().max(10).nullish(),
  huoneistonumero: z.string().trim().max(10).nullish(),
  jakokirjain: z.string().trim().max(10).nullish(),
  postinumero: z
    .string()
    .trim()
    .regex(/^\d{5}$/),
  postitoimipaikka: bilingual.nullish(),
  loppupv: dvvDate.nullish(),
});
const protectionGroup = z.looseObject({
  turvakieltoAktiivinen: z.boolean(),
  turvaLoppuPv: dvvDate.nullish(),
});
const deathGroup = z.looseObject({ kuollut: z.boolean().optional(), kuolinpv: dvvDate });
const identityCodeGroup = z.looseObject({
  aktiivinenHenkilotunnus: z.string().max(20).nullish(),
  muutettuHenkilotunnus: z.string().max(20).nullish(),
  edellisetHenkilotunnukset: z.array(z.string().max(20)).nullish(),
  voimassaolo: z.enum(['AKTIIVI', 'PASSIIVI']).nullish(),
});
/** The field names are as public mappers use them; DVV's sandbox is to confirm them. */
const prohibitionGroup = z.looseObject({
  aktiivinen: z.boolean().nullish(),
  kielto: z.boolean().nullish(),
  kieltoAktiivinen: z.boolean().nullish(),
  alkupv: dvvDate.nullish(),
});

const PROHIBITIONS: Record<string, DvvProhibitionKind> = {
  SUORAMARKKINOINTIKIELTO: 'direct_marketing',
  YHTEYSTIETOJEN_LUOVUTUSKIELTO: 'contact_disclosure',
  ASIAKASREKISTERIN_PAIVITYSKIELTO: 'register_update',
};
/** Name history: the register keeps the name in force only. */
const INFORMATIONAL = new Set(['NIMENMUUTOS', 'NIMENMUUTOS_LAAJA']);
/** Known, and not what the register keeps. */
const IGNORED = new Set(['KOTIKUNTA', 'AIDINKIELI', 'HUOLTAJA_SUPPEA', 'HUOLLETTAVA_SUPPEA']);

function fieldsOf<T>(schema: z.ZodType<T>, value: Group, index: number): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const paths = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(group)'))];
  throw new RecordUnparsable(`group ${index + 1} (${value.tietoryhma}): ${paths.join(', ')}`);
}

function identityCode(value: string, where: string): string {
  const parsed = parseIdentityCode(value);
  if (!parsed.ok) throw new RecordUnparsable(`${where}: not an identity code (${parsed.code})`);
  return parsed.value.code;
}

/** Reads one record; throws RecordUnparsable when it does not parse. */
export function readRecord(raw: unknown, today: string): DvvChange {
  const parsed = record.safeParse(raw);
  if (!parsed.success) {
    const paths = [
      ...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(record)')),
    ];
    throw new RecordUnparsable(`record: ${paths.join(', ')}`);
  }
  const rec = parsed.data;
  const change: DvvChange = {
    identityCode: identityCode(rec.henkilotunnus, 'henkilotunnus'),
    changedAt: rec.muutospv ?? null,
    kinds: [...new Set(rec.tietoryhmat.map((g) => g.tietoryhma))],
    previousIdentityCodes: [],
    prohibitions: [],
    notes: [],
  };
  const note = (value: string) => {
    if (!change.notes.includes(value)) change.notes.push(value);
  };
  rec.tietoryhmat.forEach((g, index) => {
    const kind = g.tietoryhma;
    if (g.muutosattribuutti === 'LISATIETO') return note(`informational:${kind}`);
    // A location group of a protected person: the names of the withheld fields, no values.
    if (g.turvakiellonAlaisetKentat && g.turvakiellonAlaisetKentat.length > 0)
      return note(`withheld:${kind}`);
    if (kind === 'HENKILON_NIMI') {
      if (g.muutosattribuutti === 'POISTETTU') return note(`informational:${kind}`);
      const name = fieldsOf(nameGroup, g, index);
      change.name = { firstName: name.etunimi, lastName: name.sukunimi };
      return;
    }
    if (kind === 'VAKINAINEN_KOTIMAINEN_OSOITE') {
      const address = fieldsOf(addressGroup, g, index);
      // A changed address that ended is the earlier one; a removed one is not an address now.
      if (g.muutosattribuutti === 'POISTETTU' || (address.loppupv && address.loppupv <= today)) {
        return note(`informational:${kind}`);
      }
      change.permanentAddress = dvvAddress(address);
      return;
    }
    if (kind === 'TURVAKIELTO') {
      if (g.muutosattribuutti === 'POISTETTU') {
        change.protection = { active: false, endsOn: null };
        return;
      }
      const protection = fieldsOf(protectionGroup, g, index);
      change.protection = {
        active: protection.turvakieltoAktiivinen,
        endsOn: protection.turvakieltoAktiivinen ? (protection.turvaLoppuPv ?? null) : null,
      };
      return;
    }
    if (kind === 'KUOLINPAIVA') {
      if (g.muutosattribuutti === 'POISTETTU') return note(`informational:${kind}`);
      const death = fieldsOf(deathGroup, g, index);
      if (death.kuollut === false) return note(`informational:${kind}`);
      change.deceasedOn = death.kuolinpv;
      return;
    }
    if (kind === 'HENKILOTUNNUS_KORJAUS') {
      const correction = fieldsOf(identityCodeGroup, g, index);
      for (const previous of correction.edellisetHenkilotunnukset ?? []) {
        change.previousIdentityCodes.push(
          identityCode(previous, `group ${index + 1} edellisetHenkilotunnukset`),
        );
      }
      if (correction.muutettuHenkilotunnus) {
        change.previousIdentityCodes.push(
          identityCode(
            correction.muutettuHenkilotunnus,
            `group ${index + 1} muutettuHenkilotunnus`,
          ),
        );
      }
      if (correction.voimassaolo === 'PASSIIVI' || !correction.aktiivinenHenkilotunnus) {
        return note(`informational:${kind}`);
      }
      change.activeIdentityCode = identityCode(
        correction.aktiivinenHenkilotunnus,
        `group ${index + 1} aktiivinenHenkilotunnus`,
      );
      return;
    }
    const prohibition = PROHIBITIONS[kind];
    if (prohibition) {
      const fields = fieldsOf(prohibitionGroup, g, index);
      const flag = fields.kieltoAktiivinen ?? fields.aktiivinen ?? fields.kielto ?? true;
      change.prohibitions = change.prohibitions.filter((p) => p.kind !== prohibition);
      change.prohibitions.push({
        kind: prohibition,
        active: g.muutosattribuutti !== 'POISTETTU' && flag,
        since: fields.alkupv ?? null,
      });
      return;
    }
    if (INFORMATIONAL.has(kind)) return note(`informational:${kind}`);
    if (IGNORED.has(kind)) return note(`ignored:${kind}`);
    note(`unknownKind:${kind}`);
  });
  return change;
}

function dvvAddress(a: z.infer<typeof addressGroup>): DvvAddress {
  const apartment = a.huoneistonumero ? String(Number(a.huoneistonumero) || a.huoneistonumero) : '';
  const rest = [a.katunumero ?? '', a.huoneistokirjain ?? '', `${apartment}${a.jakokirjain ?? ''}`]
    .filter((part) => part !== '')
    .join(' ');
  const street = (name: string | null | undefined) =>
    name ? [name, rest].filter((part) => part !== '').join(' ') : null;
  return {
    street: { fi: street(a.katunimi?.fi), sv: street(a.katunimi?.sv) },
    postalCode: a.postinumero,
    postOffice: { fi: a.postitoimipaikka?.fi || null, sv: a.postitoimipaikka?.sv || null },
  };
}

/** The address in the person's language where DVV gave it, else in the other national language. */
export function addressIn(
  address: DvvAddress,
  language: string,
): { street: string; postalCode: string; postOffice: string; country: string } | null {
  const [first, second] = language === 'sv' ? (['sv', 'fi'] as const) : (['fi', 'sv'] as const);
  const street = address.street[first] ?? address.street[second];
  const postOffice = address.postOffice[first] ?? address.postOffice[second];
  if (!street || !postOffice) return null;
  return { street, postalCode: address.postalCode, postOffice, country: 'FI' };
}

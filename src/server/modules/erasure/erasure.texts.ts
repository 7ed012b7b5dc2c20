import type { Language, Texts } from './blockers.ts';
import { ERASED_CATEGORIES, type ErasedCategory } from '../../../contract/enums.ts';
export { ERASED_CATEGORIES, type ErasedCategory };

export const CATEGORY_TEXTS: Record<ErasedCategory, Texts> = {
  person: {
    fi: 'nimi, yhteystiedot, osoitteet ja laskutustiedot',
    sv: 'namn, kontaktuppgifter, adresser och faktureringsuppgifter',
    en: 'name, contact details, addresses and billing data',
  },
  identityCode: { fi: 'henkilötunnus', sv: 'personbeteckning', en: 'personal identity code' },
  organisations: {
    fi: 'edustetut organisaatiot',
    sv: 'organisationer som personen företräder',
    en: 'the organisations the person represents',
  },
  requests: {
    fi: 'aiemmat pyynnöt liitteineen sekä tämän pyynnön työmuistiinpanot ja liitteet',
    sv: 'tidigare begäranden med bilagor samt arbetsanteckningarna och bilagorna för denna begäran',
    en: 'earlier requests with their attachments, and the working notes and attachments of this request',
  },
  valueSources: {
    fi: 'tietojen lähdemerkinnät',
    sv: 'uppgifternas källanteckningar',
    en: 'the records of where the data came from',
  },
  objections: {
    fi: 'vastustus- ja kieltomerkinnät',
    sv: 'invändningar och förbud',
    en: 'objections and prohibitions',
  },
  disclosureSubjects: {
    fi: 'henkilö luovutusten vastaanottajaluetteloista',
    sv: 'personen i förteckningarna över utlämnanden',
    en: "the person's place in the records of disclosures",
  },
  socialServices: {
    fi: 'sosiaalihuollon asiakkuudet, asiakastiedot ja perhesuhteet',
    sv: 'klientskap, klientuppgifter och familjeförhållanden inom socialvården',
    en: 'social-services client relationships, client records and family relations',
  },
  orders: { fi: 'tilaukset', sv: 'beställningar', en: 'orders' },
  invoices: { fi: 'laskut ja maksut', sv: 'fakturor och betalningar', en: 'invoices and payments' },
  accessLogValues: {
    fi: 'lokiin tallennetut tietojen arvot (salausavain hävitetty)',
    sv: 'uppgifternas värden i loggen (krypteringsnyckeln förstörd)',
    en: 'the values of the data in the access log (the encryption key destroyed)',
  },
};

/** The categories each kept part holds. */
export const PART_CATEGORIES = {
  accounting: ['orders', 'invoices'],
  socialServices: ['socialServices', 'identityCode', 'accessLogValues'],
} as const satisfies Record<string, readonly ErasedCategory[]>;

export const PART_TEXTS: Record<keyof typeof PART_CATEGORIES, Texts> = {
  accounting: {
    fi: 'kirjanpitoaineisto: laskut (nimi ja osoite sellaisina kuin ne laskutettiin), maksut ja laskutetut tilaukset',
    sv: 'bokföringsmaterial: fakturor (namn och adress så som de fakturerades), betalningar och fakturerade beställningar',
    en: 'accounting records: invoices (the name and address as invoiced), payments and invoiced orders',
  },
  socialServices: {
    fi: 'sosiaalihuollon asiakasasiakirjat sekä nimi ja henkilötunnus niiden tunnistamiseksi',
    sv: 'klienthandlingar inom socialvården samt namn och personbeteckning för att identifiera dem',
    en: 'social-services client records, with the name and identity code that identify them',
  },
};

export function decisionReasons(
  language: Language,
  kept: { part: keyof typeof PART_CATEGORIES; until: string; reason: Texts }[],
): string {
  if (kept.length === 0) {
    return {
      fi: 'Kaikki henkilön tiedot on poistettu rekisteristä.',
      sv: 'Alla personens uppgifter har raderats ur registret.',
      en: "All of the person's data have been erased from the register.",
    }[language];
  }
  const intro = {
    fi: 'Tiedot on poistettu lukuun ottamatta seuraavia, jotka rekisteri poistaa itse säilytysajan päätyttyä:',
    sv: 'Uppgifterna har raderats utom följande, som registret raderar självt när bevarandetiden har gått ut:',
    en: 'The data have been erased except the following, which the register erases by itself when the retention period ends:',
  }[language];
  return [intro, ...kept.map((k) => `${PART_TEXTS[k.part][language]}: ${k.reason[language]}`)].join(
    '\n',
  );
}

import type { RequestLanguage } from '../../db/schema/requests.ts';

/** The words of the mailing-list files, in the three languages of the register. */
export const MAILING_LIST_TEXTS: Record<
  RequestLanguage,
  {
    listFile: string;
    labelsFile: string;
    title: string;
    marking: string;
    locale: string;
    /** The cover page: how many labels, and that the sheets follow. */
    cover: (count: number) => string;
    page: (number: number, count: number) => string;
  }
> = {
  fi: {
    listFile: 'postituslista',
    labelsFile: 'osoitetarrat',
    title: 'Osoitetarrat',
    marking: 'Henkilötietoja – käsittele luottamuksellisesti, hävitä käytön jälkeen',
    locale: 'fi-FI',
    cover: (count) =>
      `${count} osoitetarraa. Tarra-arkit alkavat seuraavalta sivulta: tulosta tämä sivu tavalliselle paperille ja säilytä se tarra-arkkien kanssa, kunnes ne on käytetty.`,
    page: (number, count) => `Sivu ${number}/${count}`,
  },
  sv: {
    listFile: 'utskickslista',
    labelsFile: 'adressetiketter',
    title: 'Adressetiketter',
    marking: 'Personuppgifter – behandla konfidentiellt, förstör efter användning',
    locale: 'sv-FI',
    cover: (count) =>
      `${count} adressetiketter. Etikettarken börjar på nästa sida: skriv ut den här sidan på vanligt papper och förvara den med etikettarken tills de har använts.`,
    page: (number, count) => `Sida ${number}/${count}`,
  },
  en: {
    listFile: 'mailing-list',
    labelsFile: 'address-labels',
    title: 'Address labels',
    marking: 'Personal data – handle in confidence, destroy after use',
    locale: 'en-GB',
    cover: (count) =>
      `${count} address labels. The label sheets start on the next page: print this page on plain paper and keep it with the sheets until they are used.`,
    page: (number, count) => `Page ${number} of ${count}`,
  },
};

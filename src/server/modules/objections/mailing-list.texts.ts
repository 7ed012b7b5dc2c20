import type { RequestLanguage } from '../../db/schema/requests.ts';

/** The words of the mailing-list files, in the three languages of the register. */
export const MAILING_LIST_TEXTS: Record<
  RequestLanguage,
  { listFile: string; labelsFile: string; title: string; marking: string }
> = {
  fi: {
    listFile: 'postituslista',
    labelsFile: 'osoitetarrat',
    title: 'Osoitetarrat',
    marking: 'Henkilötietoja – käsittele luottamuksellisesti, hävitä käytön jälkeen',
  },
  sv: {
    listFile: 'utskickslista',
    labelsFile: 'adressetiketter',
    title: 'Adressetiketter',
    marking: 'Personuppgifter – behandla konfidentiellt, förstör efter användning',
  },
  en: {
    listFile: 'mailing-list',
    labelsFile: 'address-labels',
    title: 'Address labels',
    marking: 'Personal data – handle in confidence, destroy after use',
  },
};

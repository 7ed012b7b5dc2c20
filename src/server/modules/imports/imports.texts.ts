import type { ImportKind } from '../../../contract/imports/imports.constants.ts';
import type { UpdateFileReason } from '../../../contract/update-files/update-files.constants.ts';

/** The CSV report's words in the reader's language (fi, sv, en); codes the texts lack stay codes. */
type Texts = {
  header: [string, string, string, string, string, string];
  outcomes: Record<ImportKind, Record<string, string>>;
  reasons: Record<UpdateFileReason, string>;
};

export const IMPORT_CSV_TEXTS: Record<'fi' | 'sv' | 'en', Texts> = {
  fi: {
    header: ['Rivi', 'Henkilö', 'Henkilön tunniste', 'Tulos', 'Syy', 'Tiedot'],
    outcomes: {
      dvvSync: {
        applied: 'Päivitetty',
        unchanged: 'Ennallaan',
        skipped: 'Ohitettu',
        noPerson: 'Ei henkilöä',
        unparsable: 'Virheellinen tietue',
        failed: 'Ei voitu päivittää',
      },
      updateFile: {
        applied: 'Päivitetty',
        unchanged: 'Ennallaan',
        noMatch: 'Ei vastaavaa henkilöä',
        refused: 'Hylätty',
      },
      moveIn: {
        created: 'Luotu',
        wouldCreate: 'Luotaisiin',
        invalid: 'Virheellinen',
        duplicate: 'Kaksoiskappale',
        alreadyImported: 'Tuotu jo aiemmin',
      },
    },
    reasons: {
      noPerson: 'henkilöä ei löytynyt',
      ambiguous: 'useampi henkilö täsmää',
      addressProtected: 'turvakielto: vain väestötietojärjestelmä voi muuttaa osoitteen',
      registerUpdateProhibited: 'asiakasrekisterin päivityskielto (DVV)',
      archived: 'henkilö on arkistoitu',
      deceased: 'henkilö on kuollut',
      restricted: 'käsittelyä on rajoitettu (tietosuoja-asetuksen 18 art.)',
      invalid: 'rivin tieto on virheellinen',
    },
  },
  sv: {
    header: ['Rad', 'Person', 'Personens id', 'Resultat', 'Orsak', 'Uppgifter'],
    outcomes: {
      dvvSync: {
        applied: 'Uppdaterad',
        unchanged: 'Oförändrad',
        skipped: 'Överhoppad',
        noPerson: 'Ingen person',
        unparsable: 'Felaktig post',
        failed: 'Kunde inte uppdateras',
      },
      updateFile: {
        applied: 'Uppdaterad',
        unchanged: 'Oförändrad',
        noMatch: 'Ingen motsvarande person',
        refused: 'Avvisad',
      },
      moveIn: {
        created: 'Skapad',
        wouldCreate: 'Skulle skapas',
        invalid: 'Felaktig',
        duplicate: 'Dubblett',
        alreadyImported: 'Redan importerad',
      },
    },
    reasons: {
      noPerson: 'personen hittades inte',
      ambiguous: 'flera personer motsvarar',
      addressProtected: 'spärrmarkering: endast befolkningsdatasystemet kan ändra adressen',
      registerUpdateProhibited: 'förbud mot uppdatering av kundregister (MDB)',
      archived: 'personen är arkiverad',
      deceased: 'personen har avlidit',
      restricted: 'behandlingen är begränsad (artikel 18 i dataskyddsförordningen)',
      invalid: 'en uppgift på raden är felaktig',
    },
  },
  en: {
    header: ['Row', 'Person', 'Person id', 'Outcome', 'Reason', 'Fields'],
    outcomes: {
      dvvSync: {
        applied: 'Updated',
        unchanged: 'Unchanged',
        skipped: 'Skipped',
        noPerson: 'No person',
        unparsable: 'Unreadable record',
        failed: 'Could not be updated',
      },
      updateFile: {
        applied: 'Updated',
        unchanged: 'Unchanged',
        noMatch: 'No matching person',
        refused: 'Refused',
      },
      moveIn: {
        created: 'Created',
        wouldCreate: 'Would be created',
        invalid: 'Invalid',
        duplicate: 'Duplicate',
        alreadyImported: 'Imported before',
      },
    },
    reasons: {
      noPerson: 'no person found',
      ambiguous: 'more than one person matches',
      addressProtected: 'address protection: only the population register may change the address',
      registerUpdateProhibited: "DVV's customer-register update prohibition",
      archived: 'the person is archived',
      deceased: 'the person has died',
      restricted: 'processing is restricted (GDPR Art. 18)',
      invalid: 'a field of the row is not valid',
    },
  },
};

import type { FieldErrorCode } from '../../contract/field-errors.ts';
/**
 * Moving in from an old register (issue #16, item 3; decision 0027): the texts of the permission
 * and of the import report's codes. Finnish gives the keys; Swedish and English must have
 * exactly the same (i18n.test.ts).
 */
export const moveInFi = {
  'permission.moveIn.run': 'siirto aiemmasta rekisteristä',
  'imports.kind.moveIn': 'Siirto aiemmasta rekisteristä',
  'moveIn.outcome.created': 'luotu',
  'moveIn.outcome.wouldCreate': 'luotaisiin',
  'moveIn.outcome.invalid': 'virheellinen',
  'moveIn.outcome.duplicate': 'kaksoiskappale',
  'moveIn.outcome.alreadyImported': 'tuotu jo aiemmin',
  'moveIn.code.row.quoting': 'Rivin lainausmerkit ovat rikki',
  'moveIn.code.row.cellCount': 'Rivillä on eri määrä sarakkeita kuin otsikkorivillä',
  'moveIn.code.row.encoding': 'Rivi ei ole ilmoitetussa merkistössä',
  'moveIn.code.duplicate.identityCode':
    'Sama henkilötunnus on jo rekisterissä tai aiemmalla rivillä',
  'moveIn.code.duplicate.businessId': 'Sama Y-tunnus on jo rekisterissä tai aiemmalla rivillä',
  'moveIn.code.possibleDuplicate.email': 'Samalla sähköpostiosoitteella on jo asiakas',
  'moveIn.code.possibleDuplicate.nameAddress':
    'Samankaltaisella nimellä on asiakas samankaltaisessa osoitteessa',
  'moveIn.code.address.incomplete':
    'Osoitteesta puuttuu katuosoite, postinumero tai postitoimipaikka',
};
type MoveInTexts = Record<keyof typeof moveInFi, string>;

export const moveInSv: MoveInTexts = {
  'permission.moveIn.run': 'överföring från ett tidigare register',
  'imports.kind.moveIn': 'Överföring från ett tidigare register',
  'moveIn.outcome.created': 'skapad',
  'moveIn.outcome.wouldCreate': 'skulle skapas',
  'moveIn.outcome.invalid': 'felaktig',
  'moveIn.outcome.duplicate': 'dubblett',
  'moveIn.outcome.alreadyImported': 'redan importerad',
  'moveIn.code.row.quoting': 'Radens citattecken är trasiga',
  'moveIn.code.row.cellCount': 'Raden har ett annat antal kolumner än rubrikraden',
  'moveIn.code.row.encoding': 'Raden är inte i den angivna teckenkodningen',
  'moveIn.code.duplicate.identityCode':
    'Samma personbeteckning finns redan i registret eller på en tidigare rad',
  'moveIn.code.duplicate.businessId':
    'Samma FO-nummer finns redan i registret eller på en tidigare rad',
  'moveIn.code.possibleDuplicate.email': 'En kund med samma e-postadress finns redan',
  'moveIn.code.possibleDuplicate.nameAddress':
    'En kund med ett liknande namn finns på en liknande adress',
  'moveIn.code.address.incomplete': 'Adressen saknar gatuadress, postnummer eller postanstalt',
};

export const moveInEn: MoveInTexts = {
  'permission.moveIn.run': 'moving in from an earlier register',
  'imports.kind.moveIn': 'Moving in from an earlier register',
  'moveIn.outcome.created': 'created',
  'moveIn.outcome.wouldCreate': 'would be created',
  'moveIn.outcome.invalid': 'invalid',
  'moveIn.outcome.duplicate': 'duplicate',
  'moveIn.outcome.alreadyImported': 'imported before',
  'moveIn.code.row.quoting': "The row's quotes are broken",
  'moveIn.code.row.cellCount': 'The row has a different number of cells than the header',
  'moveIn.code.row.encoding': 'The row is not in the declared encoding',
  'moveIn.code.duplicate.identityCode':
    'The same identity code is already in the register or on an earlier row',
  'moveIn.code.duplicate.businessId':
    'The same business ID is already in the register or on an earlier row',
  'moveIn.code.possibleDuplicate.email': 'A customer with the same e-mail address exists',
  'moveIn.code.possibleDuplicate.nameAddress':
    'A customer with a similar name lives at a similar address',
  'moveIn.code.address.incomplete':
    'The address lacks the street, the postal code or the post office',
};

/** The moving-in report's field error of its own, as the forms' error texts show it. */
export const moveInErrors: Record<
  'fi' | 'sv' | 'en',
  Record<Extract<FieldErrorCode, 'address.incomplete'>, string>
> = {
  fi: { 'address.incomplete': 'Osoitteesta puuttuu katuosoite, postinumero tai postitoimipaikka.' },
  sv: { 'address.incomplete': 'Adressen saknar gatuadress, postnummer eller postanstalt.' },
  en: { 'address.incomplete': 'The address lacks its street, postal code or post office.' },
};

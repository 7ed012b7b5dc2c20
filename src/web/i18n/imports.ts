/**
 * Moving in from an old register (issue #16, item 3; decision 0027): the texts of the permission
 * and of the import report's codes. Finnish gives the keys; Swedish and English must have
 * exactly the same (i18n.test.ts).
 */
export const importsFi = {
  'permission.imports.run': 'siirto aiemmasta rekisteristä',
  'imports.outcome.created': 'luotu',
  'imports.outcome.wouldCreate': 'luotaisiin',
  'imports.outcome.invalid': 'virheellinen',
  'imports.outcome.duplicate': 'kaksoiskappale',
  'imports.outcome.alreadyImported': 'tuotu jo aiemmin',
  'imports.code.row.quoting': 'Rivin lainausmerkit ovat rikki',
  'imports.code.row.cellCount': 'Rivillä on eri määrä sarakkeita kuin otsikkorivillä',
  'imports.code.row.encoding': 'Rivi ei ole ilmoitetussa merkistössä',
  'imports.code.duplicate.identityCode':
    'Sama henkilötunnus on jo rekisterissä tai aiemmalla rivillä',
  'imports.code.duplicate.businessId': 'Sama Y-tunnus on jo rekisterissä tai aiemmalla rivillä',
  'imports.code.possibleDuplicate.email': 'Samalla sähköpostiosoitteella on jo asiakas',
  'imports.code.possibleDuplicate.nameAddress':
    'Samankaltaisella nimellä on asiakas samankaltaisessa osoitteessa',
  'imports.code.address.incomplete':
    'Osoitteesta puuttuu katuosoite, postinumero tai postitoimipaikka',
};
type ImportsTexts = Record<keyof typeof importsFi, string>;

export const importsSv: ImportsTexts = {
  'permission.imports.run': 'överföring från ett tidigare register',
  'imports.outcome.created': 'skapad',
  'imports.outcome.wouldCreate': 'skulle skapas',
  'imports.outcome.invalid': 'felaktig',
  'imports.outcome.duplicate': 'dubblett',
  'imports.outcome.alreadyImported': 'redan importerad',
  'imports.code.row.quoting': 'Radens citattecken är trasiga',
  'imports.code.row.cellCount': 'Raden har ett annat antal kolumner än rubrikraden',
  'imports.code.row.encoding': 'Raden är inte i den angivna teckenkodningen',
  'imports.code.duplicate.identityCode':
    'Samma personbeteckning finns redan i registret eller på en tidigare rad',
  'imports.code.duplicate.businessId':
    'Samma FO-nummer finns redan i registret eller på en tidigare rad',
  'imports.code.possibleDuplicate.email': 'En kund med samma e-postadress finns redan',
  'imports.code.possibleDuplicate.nameAddress':
    'En kund med ett liknande namn finns på en liknande adress',
  'imports.code.address.incomplete': 'Adressen saknar gatuadress, postnummer eller postanstalt',
};

export const importsEn: ImportsTexts = {
  'permission.imports.run': 'moving in from an earlier register',
  'imports.outcome.created': 'created',
  'imports.outcome.wouldCreate': 'would be created',
  'imports.outcome.invalid': 'invalid',
  'imports.outcome.duplicate': 'duplicate',
  'imports.outcome.alreadyImported': 'imported before',
  'imports.code.row.quoting': "The row's quotes are broken",
  'imports.code.row.cellCount': 'The row has a different number of cells than the header',
  'imports.code.row.encoding': 'The row is not in the declared encoding',
  'imports.code.duplicate.identityCode':
    'The same identity code is already in the register or on an earlier row',
  'imports.code.duplicate.businessId':
    'The same business ID is already in the register or on an earlier row',
  'imports.code.possibleDuplicate.email': 'A customer with the same e-mail address exists',
  'imports.code.possibleDuplicate.nameAddress':
    'A customer with a similar name lives at a similar address',
  'imports.code.address.incomplete':
    'The address lacks the street, the postal code or the post office',
};

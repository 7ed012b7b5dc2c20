/**
 * Folds a name for trigram search: lower case, Nordic and other diacritics to their base letter,
 * so that "Äänekoski" is found by "aanekoski" and "Öhman" by "ohman". The same function folds
 * stored names and queries.
 */
export function foldForSearch(value: string): string {
  return value
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Code 128 (ISO/IEC 15417), code set C: digits in pairs, as the Finnish banks' printed virtual
 * barcode uses it. Each symbol is six element widths (bar, space, …) of eleven modules; the stop
 * symbol has seven elements of thirteen.
 */
// prettier-ignore
const PATTERNS = [
  '212222', '222122', '222221', '121223', '121322', '131222', '122213', '122312', '132212', '221213',
  '221312', '231212', '112232', '122132', '122231', '113222', '123122', '123221', '223211', '221132',
  '221231', '213212', '223112', '312131', '311222', '321122', '321221', '312212', '322112', '322211',
  '212123', '212321', '232121', '111323', '131123', '131321', '112313', '132113', '132311', '211313',
  '231113', '231311', '112133', '112331', '132131', '113123', '113321', '133121', '313121', '211331',
  '231131', '213113', '213311', '213131', '311123', '311321', '331121', '312113', '312311', '332111',
  '314111', '221411', '431111', '111224', '111422', '121124', '121421', '141122', '141221', '112214',
  '112412', '122114', '122411', '142112', '142211', '241211', '221114', '413111', '241112', '134111',
  '111242', '121142', '121241', '114212', '124112', '124211', '411212', '421112', '421211', '212141',
  '214121', '412121', '111143', '111341', '131141', '114113', '114311', '411113', '411311', '113141',
  '114131', '311141', '411131', '211412', '211214', '211232', '2331112',
];

const START_C = 105;
const STOP = 106;

/** The symbol values of an even number of digits: start C, the pairs, the check, stop. */
export function code128cSymbols(digits: string): number[] {
  if (!/^(\d\d)+$/.test(digits)) {
    throw new Error('Code 128 C encodes an even number of digits');
  }
  const pairs = Array.from({ length: digits.length / 2 }, (_, i) =>
    Number(digits.slice(2 * i, 2 * i + 2)),
  );
  const check = pairs.reduce((sum, value, i) => sum + value * (i + 1), START_C) % 103;
  return [START_C, ...pairs, check, STOP];
}

/**
 * The bars of the code as [start, width] in modules from the left edge (quiet zones not
 * included); the total width in modules is `modules`.
 */
export function code128cBars(digits: string): { bars: [number, number][]; modules: number } {
  const bars: [number, number][] = [];
  let x = 0;
  for (const symbol of code128cSymbols(digits)) {
    const pattern = PATTERNS[symbol] ?? '';
    for (let i = 0; i < pattern.length; i++) {
      const width = Number(pattern[i]);
      if (i % 2 === 0) bars.push([x, width]);
      x += width;
    }
  }
  return { bars, modules: x };
}

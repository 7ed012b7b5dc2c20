import { Random, WeightedTable } from './random.ts';

/** The synthetic register belongs to Tampere: most customers live there or next door. */

export type PostalArea = { postalCode: string; postOffice: string; country: string };

// prettier-ignore
const TAMPERE_CODES = [
  '33100', '33180', '33200', '33210', '33230', '33240', '33250', '33270', '33300', '33310',
  '33330', '33340', '33400', '33410', '33420', '33430', '33450', '33480', '33500', '33520',
  '33530', '33540', '33560', '33580', '33610', '33680', '33700', '33710', '33720', '33730',
  '33800', '33820', '33840', '33870', '33900',
];

const NEIGHBOURS: PostalArea[] = [
  ['33470', 'YLÖJÄRVI'],
  ['33480', 'YLÖJÄRVI'],
  ['33950', 'PIRKKALA'],
  ['33960', 'PIRKKALA'],
  ['33880', 'LEMPÄÄLÄ'],
  ['37500', 'LEMPÄÄLÄ'],
  ['36200', 'KANGASALA'],
  ['36220', 'KANGASALA'],
  ['36240', 'KANGASALA'],
  ['37100', 'NOKIA'],
  ['37120', 'NOKIA'],
  ['37150', 'NOKIA'],
  ['35300', 'ORIVESI'],
  ['34260', 'TERÄLAHTI'],
].map(([postalCode, postOffice]) => ({ postalCode, postOffice, country: 'FI' }) as PostalArea);

const ELSEWHERE: PostalArea[] = [
  ['00100', 'HELSINKI', 'FI'],
  ['00530', 'HELSINKI', 'FI'],
  ['00840', 'HELSINKI', 'FI'],
  ['02100', 'ESPOO', 'FI'],
  ['01300', 'VANTAA', 'FI'],
  ['20100', 'TURKU', 'FI'],
  ['20540', 'TURKU', 'FI'],
  ['40100', 'JYVÄSKYLÄ', 'FI'],
  ['90100', 'OULU', 'FI'],
  ['65100', 'VAASA', 'FI'],
  ['06100', 'PORVOO', 'FI'],
  ['15100', 'LAHTI', 'FI'],
  ['28100', 'PORI', 'FI'],
  ['13100', 'HÄMEENLINNA', 'FI'],
  ['22100', 'MARIEHAMN', 'AX'],
].map(([postalCode, postOffice, country]) => ({ postalCode, postOffice, country }) as PostalArea);

const areas = new WeightedTable<PostalArea>([
  ...TAMPERE_CODES.map((postalCode): [PostalArea, number] => [
    { postalCode, postOffice: 'TAMPERE', country: 'FI' },
    0.85 / TAMPERE_CODES.length,
  ]),
  ...NEIGHBOURS.map((area): [PostalArea, number] => [area, 0.12 / NEIGHBOURS.length]),
  ...ELSEWHERE.map((area): [PostalArea, number] => [area, 0.03 / ELSEWHERE.length]),
]);

// prettier-ignore
const NAMED_STREETS = [
  'Hämeenkatu', 'Satakunnankatu', 'Hämeenpuisto', 'Kuninkaankatu', 'Puutarhakatu',
  'Aleksanterinkatu', 'Hallituskatu', 'Pirkankatu', 'Itsenäisyydenkatu', 'Sammonkatu',
  'Teiskontie', 'Kalevantie', 'Hervannan valtaväylä', 'Insinöörinkatu', 'Opiskelijankatu',
  'Pispalan valtatie', 'Tesomankatu', 'Lielahdenkatu', 'Nekalantie', 'Viinikankatu', 'Sorinkatu',
  'Tammelan puistokatu', 'Kekkosentie', 'Lapintie', 'Kaupinkatu', 'Ahvenisjärventie',
  'Irjalankatu', 'Haukiluomantie', 'Vuohenojankatu', 'Rautatienkatu', 'Näsilinnankatu',
  'Kortelahdenkatu', 'Mustanlahdenkatu', 'Rongankatu', 'Kauppakatu', 'Otavalankatu',
  'Tuomiokirkonkatu', 'Suvantokatu', 'Pellervonkatu', 'Kyllikinkatu', 'Ilmarinkatu', 'Sumeliuksenkatu',
  'Koulukatu', 'Kirkkokatu', 'Rantatie', 'Asemakatu', 'Isokatu', 'Myllytie', 'Sepänkatu',
  'Mannerheiminkatu', 'Runeberginkatu', 'Kalliolanrinne', 'Lentävänniemenkatu', 'Pyynikintie',
];

// prettier-ignore
const STREET_FIRST = [
  'Koivu', 'Pihlaja', 'Mänty', 'Kuusi', 'Tammi', 'Vaahtera', 'Leppä', 'Haapa', 'Kataja', 'Kielo',
  'Orvokki', 'Ruusu', 'Sireeni', 'Tuomi', 'Kallio', 'Mäki', 'Rinne', 'Niitty', 'Pelto', 'Ranta',
  'Järvi', 'Koski', 'Harju', 'Metsä', 'Kettu', 'Karhu', 'Ilves', 'Otava', 'Tähti', 'Kuu',
  'Aurinko', 'Sepän', 'Myllyn', 'Kirkko', 'Koulu', 'Asema', 'Kauppa', 'Puisto', 'Tehtaan',
  'Pappilan', 'Kartano', 'Kylä', 'Lähde', 'Kaivo', 'Paju', 'Lumme', 'Kanerva', 'Mustikka',
  'Puolukka', 'Lakka', 'Kontio', 'Sarastus', 'Rusko', 'Hirvi', 'Kurki', 'Joutsen', 'Sorsa',
  'Haukka', 'Kotka', 'Peltosirkun', 'Kiuru', 'Tikka', 'Satakieli', 'Vanamo', 'Apila', 'Kaisla',
];
// prettier-ignore
const STREET_SECOND = [
  'katu', 'tie', 'kuja', 'polku', 'rinne', 'kaari', 'väylä', 'raitti', 'piha', 'tie', 'kuja',
];

const streets: { name: string; area: PostalArea }[] = (() => {
  const random = new Random('asiakasrekisteri bench streets');
  const list = NAMED_STREETS.map((name) => ({
    name,
    area: { postalCode: random.pick(TAMPERE_CODES), postOffice: 'TAMPERE', country: 'FI' },
  }));
  for (const first of STREET_FIRST) {
    for (const second of new Set(STREET_SECOND)) {
      if (random.chance(0.45)) list.push({ name: first + second, area: areas.draw(random) });
    }
  }
  return list;
})();

export type Address = { street: string; postalCode: string; postOffice: string; country: string };

/** A street address; flats have a staircase and number ("Koivukuja 3 B 14"). */
export function drawAddress(random: Random): Address {
  const street = random.pick(streets);
  let line = `${street.name} ${random.int(1, random.chance(0.7) ? 40 : 140)}`;
  if (random.chance(0.55))
    line += ` ${random.pick(['A', 'A', 'B', 'B', 'C', 'D', 'E'])} ${random.int(1, 60)}`;
  return { street: line, ...street.area };
}

export function drawStreetName(random: Random): string {
  return random.pick(streets).name;
}

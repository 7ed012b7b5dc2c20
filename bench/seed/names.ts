import { rankWeights, WeightedTable } from './random.ts';

/**
 * Names of the synthetic register, most common first. The counts at the head of the Finnish
 * surname list approximate the Digital and Population Data Services Agency's statistics (how many
 * living persons carry the name); further down the weights fall off like the real distribution.
 */

// prettier-ignore
const FINNISH_SURNAMES = [
  'Korhonen', 'Virtanen', 'Mäkinen', 'Nieminen', 'Mäkelä', 'Hämäläinen', 'Laine', 'Heikkinen',
  'Koskinen', 'Järvinen', 'Lehtonen', 'Lehtinen', 'Saarinen', 'Salminen', 'Heinonen', 'Niemi',
  'Heikkilä', 'Kinnunen', 'Salonen', 'Turunen', 'Salo', 'Laitinen', 'Tuominen', 'Rantanen',
  'Karjalainen', 'Jokinen', 'Mattila', 'Savolainen', 'Lahtinen', 'Ahonen', 'Leppänen', 'Hiltunen',
  'Kallio', 'Miettinen', 'Leinonen', 'Hirvonen', 'Väisänen', 'Pitkänen', 'Ojala', 'Hakala',
  'Laaksonen', 'Räsänen', 'Heiskanen', 'Rantala', 'Koivisto', 'Mustonen', 'Kettunen', 'Hyvönen',
  'Eskelinen', 'Anttila', 'Seppälä', 'Karvonen', 'Kauppinen', 'Manninen', 'Peltonen', 'Toivonen',
  'Suominen', 'Jääskeläinen', 'Kärkkäinen', 'Huttunen', 'Partanen', 'Rautiainen', 'Lappalainen',
  'Vainio', 'Aaltonen', 'Valtonen', 'Kemppainen', 'Markkanen', 'Kokkonen', 'Ikonen', 'Moilanen',
  'Soininen', 'Pelkonen', 'Vesterinen', 'Kiiskinen', 'Nurmi', 'Parviainen', 'Lampinen', 'Ketola',
  'Koponen', 'Immonen', 'Tikkanen', 'Lehto', 'Aalto', 'Halonen', 'Kivelä', 'Harju', 'Honkanen',
  'Jokela', 'Oksanen', 'Hänninen', 'Hannula', 'Vuorinen', 'Rinne', 'Niskanen', 'Sirviö',
  'Tanskanen', 'Hokkanen', 'Koivula', 'Ruotsalainen', 'Hakkarainen', 'Nousiainen', 'Mäki',
  'Kivinen', 'Pesonen', 'Hyttinen', 'Kananen', 'Kukkonen', 'Ryynänen', 'Pulkkinen', 'Penttinen',
  'Ollila', 'Lehtimäki', 'Laakso', 'Suhonen', 'Karppinen', 'Asikainen', 'Jaakkola', 'Kaartinen',
  'Kontinen', 'Lassila', 'Leskinen', 'Luoma', 'Mikkola', 'Määttä', 'Niiranen', 'Nurminen',
  'Olkkonen', 'Paananen', 'Pakarinen', 'Parkkinen', 'Peltola', 'Pennanen', 'Piirainen', 'Pietilä',
  'Pirinen', 'Puustinen', 'Pyykkönen', 'Rautio', 'Riikonen', 'Rissanen', 'Ronkainen', 'Ruuskanen',
  'Saari', 'Sallinen', 'Sihvonen', 'Sillanpää', 'Similä', 'Sipilä', 'Soini', 'Sorsa',
  'Suomalainen', 'Tahvanainen', 'Tamminen', 'Tervo', 'Tiainen', 'Tolonen', 'Tuomi', 'Tuovinen',
  'Uusitalo', 'Vainikainen', 'Valkonen', 'Varis', 'Vartiainen', 'Venäläinen', 'Viitanen',
  'Vilhunen', 'Voutilainen', 'Vuorela', 'Väänänen', 'Ylönen', 'Ahola', 'Alanko', 'Alatalo',
  'Antikainen', 'Aro', 'Happonen', 'Haapala', 'Haapanen', 'Hakulinen', 'Halme', 'Hartikainen',
  'Heino', 'Helin', 'Hietala', 'Hietanen', 'Holopainen', 'Honkonen', 'Hukkanen', 'Huovinen',
  'Hurme', 'Huhtala', 'Hytönen', 'Ilmonen', 'Juntunen', 'Jussila', 'Jämsä', 'Kaikkonen', 'Kangas',
  'Kantola', 'Karhu', 'Kaskinen', 'Keränen', 'Kervinen', 'Kilpeläinen', 'Kivimäki', 'Kiviniemi',
  'Koivunen', 'Kokko', 'Kolehmainen', 'Korpela', 'Koskela', 'Kostiainen', 'Kuusela', 'Kuusisto',
  'Kyllönen', 'Laakkonen', 'Lahti', 'Lankinen', 'Lehtola', 'Leino', 'Lepistö', 'Liimatainen',
  'Lipponen', 'Lukkarinen', 'Luukkonen', 'Lähteenmäki', 'Marttila', 'Matikainen', 'Merilä',
  'Mononen', 'Myllymäki', 'Mäenpää', 'Nevalainen', 'Niskala', 'Nissinen', 'Nykänen', 'Ojanen',
  'Oksala', 'Paavola', 'Pajunen', 'Palo', 'Paavilainen', 'Perälä', 'Pihlaja', 'Pietikäinen',
  'Pöllänen', 'Rajala', 'Rautanen', 'Repo', 'Ruohonen', 'Rytkönen', 'Saarela', 'Sainio', 'Salmi',
  'Salmela', 'Savela', 'Seppänen', 'Sievänen', 'Simola', 'Suikkanen', 'Suomela', 'Syrjälä',
  'Taipale', 'Takala', 'Tanninen', 'Tapio', 'Toivanen', 'Tuomela', 'Turpeinen', 'Tynkkynen',
  'Valli', 'Vanhanen', 'Vehviläinen', 'Viljanen', 'Virta', 'Vuori', 'Ylinen', 'Hautala',
  'Hautamäki', 'Kujala', 'Kurki', 'Laukkanen', 'Lindfors', 'Mäntylä', 'Nikkilä', 'Nyberg',
  'Palomäki', 'Ranta', 'Rönkkö', 'Sundberg', 'Tikka', 'Törmä', 'Vähä-Pietilä', 'Ylä-Mononen',
];

// Approximate numbers of living bearers of the first thirty surnames above (rounded).
// prettier-ignore
const FINNISH_SURNAME_COUNTS = [
  22800, 22600, 21200, 20400, 19600, 19200, 18700, 17300, 17100, 16600, 16200, 15900, 15300,
  15100, 14500, 14200, 14000, 13800, 13600, 13500, 13200, 13000, 12900, 12700, 12500, 12300,
  12100, 11900, 11700, 11600,
];

/** First parts and second parts of compound surnames, the long tail of Finnish surnames. */
// prettier-ignore
const SURNAME_FIRST_PARTS = [
  'Ala', 'Yli', 'Keski', 'Iso', 'Vähä', 'Kivi', 'Koivu', 'Kuusi', 'Mänty', 'Tammi', 'Haapa',
  'Leppä', 'Honka', 'Kataja', 'Hirvi', 'Karhu', 'Kettu', 'Susi', 'Sorsa', 'Joutsen', 'Kotka',
  'Haukka', 'Kurki', 'Hauki', 'Lohi', 'Hieta', 'Savi', 'Rauta', 'Kulta', 'Lumi', 'Tuuli', 'Salmi',
  'Virta', 'Niini', 'Pelto', 'Nurmi', 'Heinä', 'Paju', 'Lumme', 'Kaisla', 'Musta', 'Valko',
  'Puna', 'Sini', 'Talvi', 'Kesä', 'Syys', 'Kevät', 'Metsä', 'Mylly', 'Pappi', 'Seppä', 'Lampi',
  'Suvi', 'Rusko', 'Kärki', 'Nisu', 'Olki', 'Ruis', 'Vilja',
];
// prettier-ignore
const SURNAME_SECOND_PARTS = [
  'nen', 'mäki', 'järvi', 'koski', 'lahti', 'niemi', 'salo', 'aho', 'lampi', 'ranta', 'saari',
  'suo', 'vaara', 'harju', 'kallio', 'kangas', 'korpi', 'laakso', 'lehto', 'luoma', 'maa', 'oja',
  'pelto', 'rinne', 'vuori', 'talo', 'kylä', 'nummi', 'joki',
];

// prettier-ignore
const SWEDISH_SURNAMES = [
  'Lindholm', 'Johansson', 'Lindqvist', 'Nyman', 'Lindroos', 'Lindström', 'Andersson', 'Karlsson',
  'Eriksson', 'Holmberg', 'Backman', 'Sjöberg', 'Forsman', 'Westerlund', 'Grönroos', 'Söderström',
  'Lundqvist', 'Blomqvist', 'Sundström', 'Björklund', 'Holmström', 'Granholm', 'Lindberg',
  'Engström', 'Berg', 'Ekström', 'Wikström', 'Öhman', 'Åberg', 'Fagerström', 'Hägg', 'Strömberg',
  'Sandberg', 'Nordström', 'Lindgren', 'Wallin', 'Mattsson', 'Gustafsson', 'Nilsson', 'Jansson',
  'Persson', 'Sjöholm', 'Sundqvist', 'Holm', 'Storbacka', 'Backlund', 'Nordling', 'Eklund',
  'Östman', 'Sandström', 'Lönnqvist', 'Hellström', 'Forsström', 'Bergström', 'Nyholm', 'Grönlund',
  'Ahlström', 'Rosenqvist', 'Lindblom', 'Åkerman', 'Ek', 'Björkqvist', 'Vikström', 'Ekholm',
  'Lindell', 'Blomberg', 'Stenroos', 'Hägglund', 'Fröberg', 'Häggblom', 'Enlund', 'Kronqvist',
  'Strandberg', 'Grönqvist', 'Westerholm', 'Nordman', 'Nylund', 'Söderholm', 'Wikman', 'Ekman',
  'Bergman', 'Lundström', 'Sjöblom', 'Granström', 'Hagman', 'Dahlberg', 'Dahlström', 'Forsberg',
  'Holmqvist', 'Nordqvist', 'Mickelsson', 'Smeds', 'Stenman', 'Lindén', 'Forsblom', 'Åström',
  'Sjölund', 'Wiklund', 'Nyström', 'Snellman', 'Granlund', 'Söderlund', 'Lind', 'Nyqvist',
  'Wallenius', 'Ursin', 'Thodén', 'Sved', 'Björkman', 'Lundberg', 'Malmberg', 'Sjöstrand',
  'Lindahl', 'Wahlroos', 'Fredriksson', 'Sundman', 'Strandén', 'Renlund', 'Kullberg', 'Palmgren',
];

// prettier-ignore
const FOREIGN_SURNAMES = [
  'Ahmed', 'Mohamed', 'Ali', 'Hussein', 'Abdullahi', 'Hassan', 'Omar', 'Nguyen', 'Tran', 'Le',
  'Ivanov', 'Ivanova', 'Smirnov', 'Smirnova', 'Kuznetsov', 'Kuznetsova', 'Popov', 'Popova',
  'Petrov', 'Petrova', 'Sokolov', 'Volkova', 'Tamm', 'Kask', 'Saar', 'Mägi', 'Rebane', 'Kuusk',
  'Wang', 'Li', 'Zhang', 'Chen', 'Liu', 'Singh', 'Kumar', 'Sharma', 'Khan', 'Rahman', 'Hosseini',
  'Mohammadi', 'Karimi', 'Yılmaz', 'Kaya', 'Demir', 'Kowalski', 'Nowak', 'Müller', 'Schmidt',
  'Smith', 'Jones', 'García', 'Rodríguez', 'Silva', 'Santos', 'Dubois', 'Rossi',
];

// prettier-ignore
const FINNISH_FEMALE = [
  'Maria', 'Anna', 'Helena', 'Johanna', 'Sofia', 'Emilia', 'Anneli', 'Kaarina', 'Marjatta',
  'Liisa', 'Elina', 'Kristiina', 'Aino', 'Katariina', 'Hannele', 'Tuulikki', 'Annikki', 'Aurora',
  'Susanna', 'Inkeri', 'Eveliina', 'Ilona', 'Tuula', 'Anne', 'Päivi', 'Sari', 'Pirjo', 'Minna',
  'Tiina', 'Riitta', 'Leena', 'Satu', 'Merja', 'Marja', 'Seija', 'Sirpa', 'Eila', 'Raija', 'Tarja',
  'Pirkko', 'Sanna', 'Kirsi', 'Heidi', 'Jenni', 'Laura', 'Katja', 'Hanna', 'Mari', 'Anu', 'Elisa',
  'Emma', 'Aada', 'Ella', 'Venla', 'Olivia', 'Eevi', 'Lilja', 'Helmi', 'Ellen', 'Isla', 'Pihla',
  'Enni', 'Iida', 'Veera', 'Saara', 'Siiri', 'Aleksandra', 'Noora', 'Jenna', 'Milla', 'Krista',
  'Essi', 'Oona', 'Tanja', 'Piia', 'Mervi', 'Terhi', 'Heli', 'Outi', 'Jaana', 'Kaisa', 'Ulla',
  'Irma', 'Aili', 'Aune', 'Hilkka', 'Kerttu', 'Lempi', 'Martta', 'Elsa', 'Eeva', 'Irja', 'Vuokko',
  'Sinikka', 'Orvokki', 'Ritva', 'Marketta', 'Tellervo', 'Annika', 'Nelli', 'Vilma', 'Hilla',
];

// prettier-ignore
const FINNISH_MALE = [
  'Juhani', 'Johannes', 'Mikael', 'Olavi', 'Antero', 'Tapani', 'Kalevi', 'Matti', 'Timo', 'Kari',
  'Antti', 'Jukka', 'Mikko', 'Markku', 'Pekka', 'Juha', 'Heikki', 'Jari', 'Ville', 'Jani',
  'Tuomas', 'Janne', 'Lauri', 'Eero', 'Ilkka', 'Petri', 'Sami', 'Marko', 'Hannu', 'Seppo', 'Esa',
  'Jouni', 'Tero', 'Pertti', 'Risto', 'Jussi', 'Kimmo', 'Veikko', 'Erkki', 'Raimo', 'Arto',
  'Harri', 'Jarmo', 'Martti', 'Pentti', 'Vesa', 'Teemu', 'Joni', 'Joonas', 'Eetu', 'Aleksi',
  'Onni', 'Eino', 'Leo', 'Väinö', 'Elias', 'Oliver', 'Niilo', 'Toivo', 'Otto', 'Veeti', 'Aatu',
  'Aapo', 'Elmeri', 'Akseli', 'Valtteri', 'Niko', 'Jesse', 'Samuli', 'Henri', 'Kalle', 'Tommi',
  'Toni', 'Mika', 'Pasi', 'Jyrki', 'Reijo', 'Kauko', 'Ismo', 'Sakari', 'Ilmari', 'Eemeli',
  'Oskari', 'Aarne', 'Urho', 'Lasse', 'Olli', 'Jaakko', 'Simo', 'Paavo', 'Rasmus', 'Eelis',
];

// prettier-ignore
const SWEDISH_FEMALE = [
  'Kristina', 'Ingrid', 'Karin', 'Margareta', 'Elisabeth', 'Birgitta', 'Ulrika', 'Sofia', 'Elin',
  'Linnea', 'Ebba', 'Matilda', 'Emilia', 'Ida', 'Wilma', 'Julia', 'Amanda', 'Alva', 'Saga',
  'Stina', 'Maja', 'Frida', 'Agnes', 'Astrid', 'Greta', 'Helén', 'Camilla', 'Jessica', 'Annika',
  'Carina', 'Gunilla', 'Ann-Christine', 'Marianne', 'Mona', 'Pia', 'Lena', 'Eva', 'Anna-Lena',
  'Ellen', 'Hedvig', 'Solveig', 'Gun', 'Britt', 'Siv', 'Ann-Sofie', 'Malin',
];

// prettier-ignore
const SWEDISH_MALE = [
  'Erik', 'Johan', 'Lars', 'Anders', 'Karl', 'Gustav', 'Henrik', 'Fredrik', 'Nils', 'Oskar',
  'Mats', 'Magnus', 'Per', 'Peter', 'Göran', 'Bengt', 'Stefan', 'Jan-Erik', 'Björn', 'Ulf', 'Tom',
  'Kim', 'Mikael', 'Patrik', 'Rasmus', 'Axel', 'Hugo', 'William', 'Anton', 'Emil', 'Albin',
  'Isak', 'Elias', 'Viktor', 'Sebastian', 'Kaj', 'Leif', 'Rolf', 'Torbjörn', 'Christer', 'Roger',
  'Bo', 'Sten', 'Håkan', 'Ragnar', 'Sixten',
];

// prettier-ignore
const FOREIGN_FEMALE = [
  'Fatima', 'Amina', 'Aisha', 'Hodan', 'Olga', 'Natalia', 'Irina', 'Svetlana', 'Anastasia',
  'Linh', 'Thi Lan', 'Jing', 'Priya', 'Ayşe', 'Zahra', 'Maryam', 'Katarzyna', 'Laura', 'Sarah',
  'Ana', 'Elena', 'Yasmin', 'Mei', 'Leila',
];

// prettier-ignore
const FOREIGN_MALE = [
  'Mohamed', 'Ahmed', 'Ali', 'Abdi', 'Hassan', 'Omar', 'Sergei', 'Dmitri', 'Andrei', 'Alexei',
  'Minh', 'Van Duc', 'Wei', 'Raj', 'Mehmet', 'Piotr', 'John', 'David', 'Daniel', 'Carlos', 'Reza',
  'Yusuf', 'Tomasz', 'Marco',
];

export type Background = 'finnish' | 'swedish' | 'foreign';

function compoundSurnames(): [string, number][] {
  const names: [string, number][] = [];
  SURNAME_FIRST_PARTS.forEach((first, i) => {
    SURNAME_SECOND_PARTS.forEach((second, j) => {
      if (first.toLowerCase() === second) return;
      if (second === 'nen' && !/[aeiouyäö]$/.test(first)) return;
      // Some compounds are ten times as common as others, as in the real tail.
      const weight = 450 + ((i * 7919 + j * 104729) % 4000);
      names.push([first + second, weight]);
    });
  });
  return names;
}

function merge(...lists: [string, number][][]): [string, number][] {
  const weights = new Map<string, number>();
  for (const list of lists) {
    for (const [name, weight] of list) weights.set(name, (weights.get(name) ?? 0) + weight);
  }
  return [...weights];
}

function scaled(list: [string, number][], share: number): [string, number][] {
  const total = list.reduce((sum, [, w]) => sum + w, 0);
  return list.map(([name, w]) => [name, (w / total) * share]);
}

const finnishList = merge(
  rankWeights(FINNISH_SURNAMES, FINNISH_SURNAME_COUNTS),
  compoundSurnames(),
);
const swedishList = rankWeights(SWEDISH_SURNAMES, [6700, 6000, 5600], 0.5);
const foreignList = rankWeights(FOREIGN_SURNAMES, [], 0.2);

/** Surnames by the person's background: families mix, so every list borrows from the others. */
export const surnames: Record<Background, WeightedTable<string>> = {
  finnish: new WeightedTable(merge(scaled(finnishList, 0.97), scaled(swedishList, 0.03))),
  swedish: new WeightedTable(merge(scaled(swedishList, 0.6), scaled(finnishList, 0.4))),
  foreign: new WeightedTable(merge(scaled(foreignList, 0.8), scaled(finnishList, 0.2))),
};

const table = (...lists: [string, number][][]) => new WeightedTable(merge(...lists));

export const givenNames: Record<Background, Record<'female' | 'male', WeightedTable<string>>> = {
  finnish: {
    female: table(
      scaled(rankWeights(FINNISH_FEMALE, [], 0.8), 0.95),
      scaled(rankWeights(SWEDISH_FEMALE, [], 0.8), 0.05),
    ),
    male: table(
      scaled(rankWeights(FINNISH_MALE, [], 0.8), 0.95),
      scaled(rankWeights(SWEDISH_MALE, [], 0.8), 0.05),
    ),
  },
  swedish: {
    female: table(rankWeights(SWEDISH_FEMALE, [], 0.8)),
    male: table(rankWeights(SWEDISH_MALE, [], 0.8)),
  },
  foreign: {
    female: table(rankWeights(FOREIGN_FEMALE, [], 0.6)),
    male: table(rankWeights(FOREIGN_MALE, [], 0.6)),
  },
};

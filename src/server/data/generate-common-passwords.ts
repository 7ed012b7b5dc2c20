/**
 * Writes common-passwords.txt: the passwords people choose most, built from the patterns that
 * dominate every published password study (digit runs, keyboard walks, common words in English
 * and Finnish, names, seasons and months with years) rather than copied from a leak. Deterministic:
 * run `node src/server/data/generate-common-passwords.ts` and commit the result.
 */
import fs from 'node:fs';
import path from 'node:path';

const WELL_KNOWN = `123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123
baseball abc123 football monkey letmein shadow master 666666 qwertyuiop 123321 mustang 1234567890
michael 654321 superman 1qaz2wsx 7777777 121212 000000 qazwsx 123qwe killer trustno1 jordan
jennifer zxcvbnm asdfgh hunter buster soccer harley batman andrew tigger sunshine iloveyou 2000
charlie robert thomas hockey ranger daniel starwars klaster 112233 george computer michelle
jessica pepper 1111 zxcvbn 555555 11111111 131313 freedom 777777 pass maggie 159753 aaaaaa ginger
princess joshua cheese amanda summer love ashley nicole chelsea biteme matthew access yankees
987654321 dallas austin thunder taylor matrix mobilemail mom monitor monitoring montana moon
moscow passw0rd p@ssw0rd p@ssword passwort motdepasse contraseña senha welcome welcome1 admin
administrator root toor guest user login changeme default secret letmein1 qwerty123 qwe123
1q2w3e4r 1q2w3e4r5t 1q2w3e 1q2w3e4r5t6y zaq12wsx zaq1zaq1 q1w2e3r4 q1w2e3r4t5 a1b2c3 a1b2c3d4
abcd1234 abcdef abcdefg abcdefgh abc12345 aa123456 123abc 1234qwer qwer1234 asdf1234 password1
password12 password123 iloveyou1 football1 baseball1 superman1 princess1 sunshine1 master1
hello hello123 whatever nothing internet samsung apple google facebook youtube linkedin microsoft
windows linux ubuntu oracle mysql postgres database server network system security
azerty test test123 testing test1234 demo demo123 temp temp123 temppass newpass newpassword
mypassword yourpassword thepassword passpass letmeinnow opensesame 696969 blahblah pokemon
naruto minecraft fortnite roblox pussy fuckyou fuckme asshole bitch shit cowboys eagles steelers
lakers liverpool arsenal barcelona realmadrid juventus manutd chelsea1 mercedes ferrari porsche
corvette mustang1 jaguar tiger lion wolf eagle falcon phoenix dragon1 unicorn butterfly rainbow
flower angel angel1 baby babygirl sweetie honey lovely loveme lover iloveu myself forever
friends family jesus christ god heaven blessed faith hope peace freedom1 liberty america
purple orange yellow silver golden diamond crystal magic wizard merlin gandalf frodo matrix1
trinity neo hacker hacking cyber ninja samurai killer1 destroyer ranger1 soldier warrior hunter1
zxcvbnm1 qazwsxedc qweasdzxc 1qazxsw2 asdfghjkl asdfghjk asdfghjkl1 zxcvbnm123 qwertyuiop1
qwertyu qwertyui qwert qwerty1 qwerty12 qwerty1234 123qweasd 123qweasdzxc qweasd qweasd123
poiuytrewq lkjhgfdsa mnbvcxz 0987654321 9876543210 147258369 159357 147258 258456 741852963
963852741 789456123 123654789 147852369 1357924680 2468013579 13579 24680 112358 31415926
314159265358 271828182845 987654 876543 765432 a123456 a12345678 q123456 z123456 qq123456
`;

// Finnish words people put in passwords: the word for password, animals, swear words, nature,
// sauna culture, sports clubs, places, brands.
const FINNISH = `salasana salis salasanani uusisalasana vaihdasalasana tunnus kayttaja käyttäjä
kissa koira hevonen karhu susi ilves hirvi kettu jänis jänö orava pupu nalle possu kana lehmä
lammas kala hauki ahven lohi kiiski lintu pöllö kotka joutsen tiikeri leijona apina hiiri
perkele saatana helvetti vittu paska jumalauta voi hitto kirosana
suomi suomi100 finland suomineito leijonat jääkiekko jaakiekko jalkapallo pesäpallo pesapallo
sauna saunailta sisu sisukas kalevala väinämöinen ilmarinen lemminkäinen kullervo sampo
aurinko kuu tähti taivas pilvi sade lumi jää järvi meri metsä puu koivu mänty kuusi kukka
ruusu mansikka mustikka puolukka omena banaani appelsiini suklaa karkki pulla korvapuusti
kahvi tee olut kalja viina vodka koskenkorva salmiakki lakritsi makkara pizza kebab
rakkaus rakas rakastan rakastansinua minäsinua minasinua kulta kultaseni muru murunen
sydän sydan enkeli prinsessa prinssi kuningas kuningatar ritari keiju peikko tonttu joulupukki
joulu juhannus vappu pääsiäinen paasiainen uusivuosi hyvää hyvaa moikka moi hei heippa terve
kiitos anteeksi kyllä kylla ei ehkä aina koskaan tänään huomenna eilen
äiti aiti isä isa mummo mummi pappa vaari ukki sisko veli poika tyttö tytto vauva lapsi perhe
ystävä ystava kaveri frendi koti kotona mökki mokki kesämökki kesamokki talo auto pyörä pyora
vene moottori traktori mopo skootteri kone tietokone puhelin kännykkä kannykka nokia
helsinki espoo vantaa tampere turku oulu jyväskylä jyvaskyla lahti kuopio pori joensuu
lappeenranta vaasa rovaniemi seinäjoki kotka kouvola hämeenlinna hameenlinna savonlinna
kajaani kokkola mikkeli rauma iisalmi lapua lappi savo karjala häme hame pohjanmaa kainuu
hjk hifk jokerit kärpät karpat tappara ilves tps ässät assat kalpa pelicans lukko jyp sport
saipa kookoo hpk blues reipas kups fcinter ilves1 honka ifk
koulu opettaja oppilas lukio yliopisto työ tyo työpaikka kunta kaupunki virasto asiakas
rekisteri palvelu toimisto hallinto sihteeri esimies pomo johtaja
tammikuu helmikuu maaliskuu huhtikuu toukokuu kesäkuu heinäkuu elokuu syyskuu lokakuu
marraskuu joulukuu kesakuu heinakuu
maanantai tiistai keskiviikko torstai perjantai lauantai sunnuntai
kevät kesä syksy talvi kevat kesa
yksi kaksi kolme neljä viisi kuusi seitsemän kahdeksan yhdeksän kymmenen sata tuhat
`;

const ENGLISH = `password passcode passphrase secret letmein welcome hello iloveyou trustno
monkey dragon shadow master killer hunter tiger lion wolf bear eagle falcon hawk shark
cookie cheese pizza banana apple orange lemon cherry peach strawberry chocolate coffee beer
summer winter spring autumn sunday monday tuesday wednesday thursday friday saturday
january february march april may june july august september october november december
football baseball soccer hockey basketball tennis golf cricket rugby boxing racing
love lovely lover sweet sweetheart honey sugar angel baby darling beautiful princess
prince king queen knight castle dragon wizard magic fairy unicorn rainbow butterfly flower
sunshine moonlight starlight galaxy universe planet rocket spaceman astronaut pilot captain
computer internet network server system admin administrator manager office company business
money dollar rich cash gold silver diamond platinum crystal pearl ruby emerald sapphire
freedom liberty justice peace power energy thunder lightning storm tornado hurricane fire
water earth wind ice snow rain cloud sky ocean river mountain forest garden island
family friend friends mother father sister brother daughter son mommy daddy grandma grandpa
jesus christ god lord heaven angel blessed faith hope grace glory amen
batman superman spiderman ironman hulk thor captain avengers starwars startrek pokemon
mario zelda sonic tetris minecraft fortnite warcraft starcraft diablo halo gaming gamer
music guitar piano drums rock metal punk jazz blues hiphop rapper singer dancer
matrix hacker ninja samurai warrior soldier sniper killer1 ranger legend hero champion
secret private personal hidden unknown nothing whatever anything something everything
welcome hello goodbye please thanks sorry letmein openup opensesame access enter login
qwerty asdfgh zxcvbn azerty dvorak keyboard mouse monitor laptop desktop phone mobile
`;

// The most common given names in Finland and in English-speaking countries.
const NAMES = `juha timo matti mikko kari antti jari jukka mika markku pekka hannu heikki seppo
janne ari sami petri ville tuomas marko jani lauri pertti kalle jussi teemu tommi risto
jarmo esa raimo juho eero veikko erkki pentti jorma tapio arto kimmo jouni olli mikael
aleksi elias onni leo eino oliver väinö vaino niilo aarre toivo lenni hugo emil oskari
eetu joona joni jesse aatu niko santeri valtteri otto rasmus lassi henri tero harri
maria helena johanna anneli kaarina marjatta anna liisa annikki hannele tuula päivi paivi
leena ritva pirjo sirpa minna tiina riitta tarja merja anne satu sari kirsi marja mervi
jaana seija eila aino aila aune helmi sofia emma olivia ella aada lilja venla eevi iida
siiri hilla isla pihla ilona linnea sara laura jenni henna emilia noora elina hanna
katja heidi sanna outi kaisa elisa essi milla mira jonna krista susanna irma raija
james john robert michael william david richard joseph thomas charles christopher daniel
matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy
ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry
tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty
margaret sandra ashley kimberly emily donna michelle carol amanda dorothy melissa deborah
stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma
nicole helen samantha katherine christine debra rachel carolyn janet catherine maria heather
diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn judith
megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances kathryn
janice jean abigail alice judy sophia grace denise amber doris marilyn danielle beverly
isabella theresa diana natalie brittany charlotte marie kayla alexis lori
`;

const KEYBOARD_WALKS = `qwertyuiop qwertyuiopå qwertyuiopü asdfghjkl asdfghjklö asdfghjklöä zxcvbnm
qwertyuiopasdfghjkl qwertyuiopasdfghjklzxcvbnm 1234567890qwertyuiop qwertyuiop1234567890
1qaz2wsx3edc 1qaz2wsx3edc4rfv zaq12wsxcde3 zaq1xsw2cde3 qazwsxedcrfv qazwsxedcrfvtgb
1q2w3e4r5t6y7u 1q2w3e4r5t6y7u8i 1q2w3e4r5t6y7u8i9o0p q1w2e3r4t5y6 q1w2e3r4t5y6u7i8
qweasdzxc123 qweasdzxcqwe 123qweasdzxc 1qazxsw23edc qwerasdfzxcv asdfqwerzxcv
poiuytrewq1234 poiuytrewqasdfg mnbvcxzlkjhgfdsa qwertyasdfgh asdfghzxcvbn qwertzuiop
azertyuiop azertyuiopqsdf 1234qwerasdf qwer1234asdf asdfjklö asdfjkl ölkjhgfdsa
`;

const YEARS = Array.from({ length: 2030 - 1950 + 1 }, (_, i) => String(1950 + i));
const SUFFIXES = ['', '1', '12', '123', '1234', '12345', '123456', '!', '1!', '123!', '69', '007'];
const SEPARATORS = ['', '.', '-', '_', '!', '@', '#'];

const words = (text: string) => text.split(/\s+/).filter((w) => w.length > 0).map((w) => w.toLowerCase());

const out = new Set<string>();
const add = (value: string) => out.add(value.normalize('NFC').toLowerCase());

for (const w of words(WELL_KNOWN)) add(w);
for (const w of words(KEYBOARD_WALKS)) add(w);

// Digit runs and repeats: 123…n, n…1, one digit repeated, short runs repeated.
const ascending = '12345678901234567890';
const descending = '98765432109876543210';
for (let length = 4; length <= 20; length++) {
  add(ascending.slice(0, length));
  add(descending.slice(0, length));
  add('0' + ascending.slice(0, length - 1));
  for (let digit = 0; digit <= 9; digit++) add(String(digit).repeat(length));
}
for (const unit of ['12', '123', '1234', '12345', '123456', '321', '4321', '54321', '69', '007', '111', '1212', '2580', '1357', '2468', '147', '159', '789', '987', 'abc', 'ab', 'qwe', 'asd', 'zxc', 'abc123', 'qwerty', 'asdf', 'xyz']) {
  for (let times = 2; times <= 6; times++) add(unit.repeat(times));
}
for (const letter of 'abcdefghijklmnopqrstuvwxyzåäö') {
  for (const length of [6, 8, 10, 12, 14, 16]) add(letter.repeat(length));
}
add('abcdefghijklmnopqrstuvwxyz');
add('abcdefghijklmnop');
add('abcdefghijkl');
add('abcdefghijklm');
add('abcdefghijklmnopqrstuvwxyzåäö');

const plainWords = [...new Set([...words(FINNISH), ...words(ENGLISH), ...words(NAMES)])];
const withoutUmlauts = (w: string) => w.replaceAll('ä', 'a').replaceAll('ö', 'o').replaceAll('å', 'a');

for (const word of plainWords) {
  for (const w of new Set([word, withoutUmlauts(word)])) {
    add(w);
    for (const suffix of SUFFIXES) add(w + suffix);
    // Doubled words are a favourite way to reach a length rule: "salasanasalasana".
    add(w + w);
    add(w + w + '1');
  }
}

// Words long enough on their own once digits are added: seasons, months, the word for password,
// and names with years ("kesä2024", "salasana2025", "matti1975").
const SEASONS_AND_MONTHS = words(FINNISH).filter((w) => /(kuu|kevät|kesä|syksy|talvi|kevat|kesa)$/.test(w));
const DATED = [
  ...new Set([...SEASONS_AND_MONTHS, ...words(ENGLISH).slice(0, 70), ...words(NAMES).slice(0, 150)]),
];
for (const word of DATED) {
  for (const w of new Set([word, withoutUmlauts(word)])) {
    for (const year of YEARS) {
      if (Number(year) >= 1970 && Number(year) <= 2026) add(w + year);
      if (Number(year) >= 2020 && Number(year) <= 2026) add(w + year + '!');
    }
  }
}

// Password words with every separator and a year: "Salasana.2024", "Password_2025".
for (const w of ['salasana', 'password', 'tervetuloa', 'welcome', 'kesä', 'kesa', 'talvi', 'kevät', 'kevat', 'syksy', 'summer', 'winter', 'spring', 'autumn', 'helsinki', 'suomi', 'finland', 'qwerty', 'admin', 'kunta', 'asiakas']) {
  for (const separator of SEPARATORS) {
    for (const year of YEARS.slice(-16)) add(w + separator + year);
    for (const digits of ['1234', '12345', '123456', '1234567', '12345678', '123456789']) add(w + separator + digits);
  }
}

// Phrases people type as one word to reach twelve characters.
for (const phrase of `salasana1234 salasana12345 salasana123456 uusisalasana123 vaihdasalasana
qwertyuiop123 qwertyuiop1234 password1234 password12345 password123456 passwordpassword
iloveyou1234 iloveyouforever letmein12345 welcome12345 welcome123456 administrator1
123456789012 1234567890123 12345678901234 123456789qwe 123456789abc 1234567890abc
abcdefg12345 abc123456789 abcd12345678 qwerty123456 qwerty1234567 asdfghjkl123 zxcvbnm12345
minäsinua1234 rakastansinua1 rakastansinua123 kissakoira123 koirakissa123 hyväsalasana
hyvasalasana tämäonsalasana tamaonsalasana tämäonsalasana1 tamaonsalasana1 ihansama
ihansama123 eimuistaa eimuista123 salasananiolen onsalasana tervetuloa tervetuloa1
tervetuloa123 tervetuloa1234 tervetuloa2024 tervetuloa2025 kesäloma kesaloma kesaloma2024
kesäloma2024 talviloma joululoma hyvääjoulua hyvaajoulua hyvääuuttavuotta kiitosapusta
trustno1trustno1 correcthorse correcthorsebattery thequickbrownfox thequickbrownfoxjumps
letmeinletmein opensesame123 changeme123 changeme1234 default12345 temppassword temppassword1
passw0rd1234 p@ssw0rd1234 p@ssword1234 s4l4s4n4 s@l@s@n@ salasana! salasana!! salasana1!
football1234 baseball1234 starwars1234 superman1234 iloveyou123456 princess1234 sunshine1234
liverpool1234 manchesterunited manchesterunited1 realmadrid1234 barcelona1234 juventus1234
hjkhelsinki jokerit1234 leijonat2019 leijonat2022 suomileijonat suomisuomi suomi123456
helsinki1234 helsinki12345 tampere1234 tampere12345 turku123456 oulu12345678
`.split(/\s+/).filter((p) => p.length > 0)) {
  add(phrase);
}

const header = [
  '# Common passwords, one a line, lower case. Generated by generate-common-passwords.ts from',
  '# the patterns that dominate published password studies; do not edit by hand.',
];
const lines = [...out].filter((p) => p.length >= 4).sort();
fs.writeFileSync(
  path.join(import.meta.dirname, 'common-passwords.txt'),
  [...header, ...lines, ''].join('\n'),
);
console.log(`${lines.length} passwords`);

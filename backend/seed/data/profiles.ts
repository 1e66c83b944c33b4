import type { IdentityMap, Profile, XdmObject } from '../../../contracts/profile'
import { DAY_MS, isoDate, yearsBefore } from './calendar'
import { createRandom, hash32, type Random } from './random'
import { sha256 } from './sha256'

/** The number of profiles a seeded sandbox holds. */
export const DEFAULT_PROFILE_COUNT = 1000

/** The values of `person.gender` the seed uses (a subset of the XDM enum). */
export type Gender = 'male' | 'female' | 'not_specified'

/** A name and its ASCII, lower-case form for e-mail addresses. */
interface Name {
  readonly value: string
  readonly slug: string
}

interface NamePool {
  readonly male: readonly Name[]
  readonly female: readonly Name[]
  readonly last: readonly Name[]
}

interface Country {
  readonly code: string
  readonly name: string
  readonly names: NamePool
  /** E.164 prefixes of mobile numbers, followed by `mobileDigits` digits. */
  readonly mobilePrefixes: readonly string[]
  readonly mobileDigits: number
  /** National e-mail providers, used by some residents instead of the global ones. */
  readonly emailDomains: readonly string[]
}

interface City {
  readonly name: string
  readonly country: Country
  readonly weight: number
  /** North American area codes, each a full E.164 prefix (`+1212`). */
  readonly areaCodes?: readonly string[]
}

const toName = (value: string): Name => ({
  value,
  slug: value
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase(),
})

const names = (list: string): Name[] => list.split(', ').map(toName)

const namePool = (male: string, female: string, last: string): NamePool => ({
  male: names(male),
  female: names(female),
  last: names(last),
})

const ENGLISH = namePool(
  'James, Robert, Michael, William, David, Richard, Joseph, Thomas, Christopher, Charles, Daniel, ' +
    'Matthew, Anthony, Mark, Steven, Paul, Andrew, Joshua, Kevin, Brian, George, Edward, Ryan, ' +
    'Jacob, Nicholas, Eric, Jonathan, Justin, Brandon, Samuel, Benjamin, Tyler, Aaron, Nathan, ' +
    'Ethan, Liam, Noah, Oliver, Lucas, Mason, Logan, Marcus, Carlos, Luis, Miguel, Andre, Malik, ' +
    'Wei, Arjun, Omar',
  'Mary, Patricia, Jennifer, Linda, Elizabeth, Barbara, Susan, Jessica, Sarah, Karen, Lisa, Nancy, ' +
    'Sandra, Ashley, Emily, Michelle, Amanda, Melissa, Stephanie, Rebecca, Laura, Emma, Olivia, ' +
    'Ava, Sophia, Isabella, Mia, Charlotte, Amelia, Harper, Chloe, Grace, Hannah, Natalie, Maria, ' +
    'Sofia, Camila, Aaliyah, Priya, Mei, Fatima, Keisha, Rachel, Megan, Lauren',
  'Smith, Johnson, Williams, Brown, Jones, Garcia, Miller, Davis, Rodriguez, Martinez, Hernandez, ' +
    'Lopez, Gonzalez, Wilson, Anderson, Thomas, Taylor, Moore, Jackson, Martin, Lee, Perez, ' +
    'Thompson, White, Harris, Sanchez, Clark, Ramirez, Lewis, Robinson, Walker, Young, Allen, King, ' +
    'Wright, Scott, Torres, Nguyen, Hill, Flores, Green, Adams, Nelson, Baker, Hall, Rivera, ' +
    'Campbell, Mitchell, Carter, Roberts, Patel, Kim, Chen, Murphy, O’Brien, Cooper, Reed, Bailey, ' +
    'Kelly, Howard, Ward, Cox, Brooks, Bennett, Gray, Hughes, Price, Sanders, Foster, Powell, ' +
    'Russell, Sullivan, Fisher, Ellis, Hayes, McDonald, Brady, Doe',
)

const GERMAN = namePool(
  'Lukas, Leon, Maximilian, Felix, Jonas, Paul, Tobias, Stefan, Andreas, Thomas, Michael, Jürgen, ' +
    'Klaus, Florian',
  'Anna, Lena, Laura, Julia, Sophie, Marie, Hannah, Katharina, Sabine, Petra, Ursula, Jana, Lea',
  'Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann, Koch, ' +
    'Richter, Klein, Wolf, Schröder, Neumann, Braun, Zimmermann',
)

const FRENCH = namePool(
  'Lucas, Hugo, Louis, Gabriel, Arthur, Jules, Nicolas, Julien, Pierre, François, Antoine, Mathieu',
  'Emma, Louise, Jade, Alice, Chloé, Léa, Manon, Camille, Inès, Sophie, Claire, Élodie',
  'Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau, Simon, Laurent, ' +
    'Lefèvre, Michel, Garcia, Fontaine, Rousseau, Girard',
)

const SPANISH = namePool(
  'Alejandro, Daniel, Pablo, Javier, Carlos, Diego, Manuel, Sergio, Jorge, Luis, Miguel, José, ' +
    'Juan, Andrés',
  'Lucía, Sofía, María, Paula, Carmen, Valentina, Daniela, Isabel, Elena, Ana, Gabriela, Ximena',
  'García, Rodríguez, González, Fernández, López, Martínez, Sánchez, Pérez, Gómez, Martín, ' +
    'Jiménez, Ruiz, Hernández, Díaz, Moreno, Álvarez, Romero, Torres, Ramírez, Flores',
)

const ITALIAN = namePool(
  'Francesco, Alessandro, Lorenzo, Matteo, Leonardo, Andrea, Marco, Giuseppe, Luca, Giovanni, ' +
    'Davide, Riccardo',
  'Giulia, Sofia, Aurora, Alice, Ginevra, Chiara, Francesca, Martina, Sara, Elena, Valentina, ' +
    'Federica',
  'Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco, Bruno, Gallo, ' +
    'Conti, De Luca, Costa, Giordano',
)

const DUTCH = namePool(
  'Daan, Sem, Lucas, Levi, Bram, Thijs, Ruben, Jeroen, Pieter, Sander, Joost, Luuk',
  'Emma, Julia, Mila, Tess, Sophie, Anouk, Fleur, Sanne, Lotte, Eva, Iris, Femke',
  'de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Janssen, Visser, Smit, Meijer, ' +
    'de Boer, Mulder, de Groot, Bos, Vos, Peters',
)

const JAPANESE = namePool(
  'Haruto, Hiroshi, Takashi, Kenji, Yuto, Sota, Daiki, Kaito, Ren, Takumi, Shota, Naoki',
  'Yui, Aoi, Hina, Sakura, Yuki, Mei, Haruka, Akari, Emi, Misaki, Naomi, Rin',
  'Sato, Suzuki, Takahashi, Tanaka, Watanabe, Ito, Yamamoto, Nakamura, Kobayashi, Kato, Yoshida, ' +
    'Yamada, Sasaki, Yamaguchi, Matsumoto, Inoue',
)

const PORTUGUESE = namePool(
  'Miguel, Arthur, Gael, Heitor, Davi, Bernardo, Gabriel, Pedro, Lucas, Rafael, Thiago, João',
  'Helena, Alice, Laura, Maria, Valentina, Beatriz, Mariana, Ana, Júlia, Larissa, Camila, Fernanda',
  'Silva, Santos, Oliveira, Souza, Rodrigues, Ferreira, Alves, Pereira, Lima, Gomes, Costa, ' +
    'Ribeiro, Martins, Carvalho, Almeida, Araújo',
)

const country = (
  code: string,
  name: string,
  pool: NamePool,
  mobilePrefixes: readonly string[],
  mobileDigits: number,
  emailDomains: readonly string[],
): Country => ({ code, name, names: pool, mobilePrefixes, mobileDigits, emailDomains })

const US = country('US', 'United States', ENGLISH, [], 7, [])
const CA = country('CA', 'Canada', ENGLISH, [], 7, ['rogers.com'])
const GB = country(
  'GB',
  'United Kingdom',
  ENGLISH,
  ['+4474', '+4475', '+4477', '+4478', '+4479'],
  8,
  ['btinternet.com'],
)
const AU = country('AU', 'Australia', ENGLISH, ['+614'], 8, ['bigpond.com'])
const DE = country('DE', 'Germany', GERMAN, ['+49151', '+49152', '+49157', '+49159', '+49176'], 8, [
  'gmx.de',
  'web.de',
])
const FR = country('FR', 'France', FRENCH, ['+336', '+337'], 8, ['orange.fr', 'free.fr'])
const ES = country('ES', 'Spain', SPANISH, ['+346', '+347'], 8, ['telefonica.net'])
const IT = country('IT', 'Italy', ITALIAN, ['+39320', '+39333', '+39347', '+39348', '+39366'], 7, [
  'libero.it',
])
const NL = country('NL', 'Netherlands', DUTCH, ['+316'], 8, ['ziggo.nl'])
const JP = country('JP', 'Japan', JAPANESE, ['+8170', '+8180', '+8190'], 8, ['yahoo.co.jp'])
const MX = country('MX', 'Mexico', SPANISH, ['+5255'], 8, ['prodigy.net.mx'])
const BR = country('BR', 'Brazil', PORTUGUESE, ['+55119'], 8, ['uol.com.br'])

const northAmerican = (
  name: string,
  home: Country,
  weight: number,
  areaCodes: readonly number[],
): City => ({ name, country: home, weight, areaCodes: areaCodes.map((code) => `+1${code}`) })

/** Real cities and their countries; the weights make about 70% of the profiles American. */
const CITIES: readonly City[] = [
  northAmerican('New York', US, 9, [212, 646, 718, 917, 347]),
  northAmerican('Los Angeles', US, 6, [213, 310, 323, 818]),
  northAmerican('Chicago', US, 5, [312, 773, 872]),
  northAmerican('Houston', US, 4, [713, 281, 832]),
  northAmerican('Phoenix', US, 3, [602, 480]),
  northAmerican('Philadelphia', US, 3, [215, 267]),
  northAmerican('San Antonio', US, 2, [210]),
  northAmerican('San Diego', US, 2.5, [619, 858]),
  northAmerican('Dallas', US, 3, [214, 469, 972]),
  northAmerican('San Jose', US, 2, [408, 669]),
  northAmerican('Austin', US, 2.5, [512, 737]),
  northAmerican('Seattle', US, 3, [206, 425]),
  northAmerican('Denver', US, 2.5, [303, 720]),
  northAmerican('Boston', US, 3, [617, 857]),
  northAmerican('Miami', US, 3, [305, 786]),
  northAmerican('Atlanta', US, 3, [404, 470, 678]),
  northAmerican('San Francisco', US, 3.5, [415, 628]),
  northAmerican('Portland', US, 1.5, [503, 971]),
  northAmerican('Minneapolis', US, 1.5, [612]),
  northAmerican('Nashville', US, 1.5, [615, 629]),
  northAmerican('Charlotte', US, 1.5, [704, 980]),
  northAmerican('Detroit', US, 1.5, [313]),
  northAmerican('Orlando', US, 1.5, [407, 321]),
  northAmerican('Salt Lake City', US, 1, [801, 385]),
  northAmerican('Toronto', CA, 3, [416, 647, 437]),
  northAmerican('Vancouver', CA, 1.5, [604, 778]),
  { name: 'London', country: GB, weight: 5 },
  { name: 'Manchester', country: GB, weight: 1.5 },
  { name: 'Berlin', country: DE, weight: 2 },
  { name: 'Munich', country: DE, weight: 1.5 },
  { name: 'Paris', country: FR, weight: 2.5 },
  { name: 'Lyon', country: FR, weight: 1 },
  { name: 'Madrid', country: ES, weight: 1.5 },
  { name: 'Barcelona', country: ES, weight: 1 },
  { name: 'Milan', country: IT, weight: 1 },
  { name: 'Rome', country: IT, weight: 1 },
  { name: 'Amsterdam', country: NL, weight: 1.5 },
  { name: 'Sydney', country: AU, weight: 2 },
  { name: 'Melbourne', country: AU, weight: 1.5 },
  { name: 'Tokyo', country: JP, weight: 1.5 },
  { name: 'Mexico City', country: MX, weight: 1 },
  { name: 'São Paulo', country: BR, weight: 0.5 },
]

const CITY_WEIGHTS = CITIES.map((city) => [city, city.weight] as const)

const ENGLISH_SPEAKING_CITY_WEIGHTS = CITY_WEIGHTS.filter(
  ([city]) => city.country.names === ENGLISH,
)

const JOHN = toName('John')

/**
 * One profile in every 25 (4%) is a John, at a random place in each run of 25, so the docs'
 * "First name equals John" audience has a steady share. No name pool holds John.
 */
const JOHN_EVERY = 25

const GENDERS: readonly (readonly [Gender, number])[] = [
  ['male', 48],
  ['female', 48],
  ['not_specified', 4],
]

const JOHN_GENDERS: readonly (readonly [Gender, number])[] = [
  ['male', 19],
  ['not_specified', 1],
]

/** Age bands (inclusive) and their shares, roughly an adult customer base. */
const AGE_BANDS: readonly (readonly [readonly [number, number], number])[] = [
  [[18, 24], 12],
  [[25, 34], 20],
  [[35, 44], 19],
  [[45, 54], 17],
  [[55, 64], 16],
  [[65, 74], 11],
  [[75, 85], 5],
]

const GLOBAL_EMAIL_DOMAINS: readonly (readonly [string, number])[] = [
  ['gmail.com', 40],
  ['yahoo.com', 12],
  ['outlook.com', 12],
  ['icloud.com', 12],
  ['hotmail.com', 8],
  ['aol.com', 3],
  ['proton.me', 3],
]

type LocalPart = (first: string, last: string, birthYear: string, random: Random) => string

const LOCAL_PARTS: readonly (readonly [LocalPart, number])[] = [
  [(first, last) => `${first}.${last}`, 40],
  [(first, last) => `${first}${last}`, 14],
  [(first, last) => `${first}_${last}`, 6],
  [(first, last) => `${first[0]}${last}`, 12],
  [(first, last, birthYear) => `${first}.${last}${birthYear.slice(2)}`, 12],
  [(first, last, _, random) => `${first}${last[0]}${random.int(1, 99)}`, 8],
  [(first, last) => `${last}.${first}`, 8],
]

type LoyaltyTier = 'bronze' | 'silver' | 'gold' | 'platinum'

/** Tiers, their shares among members, and the points range (inclusive) that earns each. */
const LOYALTY_TIERS: readonly (readonly [LoyaltyTier, number, number, number])[] = [
  ['bronze', 50, 0, 1_999],
  ['silver', 30, 2_000, 7_499],
  ['gold', 14, 7_500, 19_999],
  ['platinum', 6, 20_000, 75_000],
]

const LOYALTY_WEIGHTS = LOYALTY_TIERS.map((tier) => [tier, tier[1]] as const)

const CAR_MAKES: readonly (readonly [string, number])[] = [
  ['Toyota', 15],
  ['Ford', 13],
  ['Honda', 10],
  ['Chevrolet', 10],
  ['Nissan', 7],
  ['Tesla', 6],
  ['Hyundai', 6],
  ['Volkswagen', 6],
  ['BMW', 5],
  ['Mercedes-Benz', 5],
  ['Kia', 5],
  ['Subaru', 4],
  ['Jeep', 4],
  ['Audi', 4],
  ['Mazda', 3],
  ['Lexus', 3],
  ['Volvo', 2],
  ['Porsche', 1],
]

const DELOREAN = 'DeLorean'

const BACK_TO_THE_FUTURE = 'Back to the Future'

const SCIENCE_FICTION_MOVIES = [
  'The Matrix',
  'Blade Runner',
  'Star Wars',
  'Alien',
  'E.T. the Extra-Terrestrial',
  'Interstellar',
  'Dune',
  'The Terminator',
  'Jurassic Park',
  'Ghost in the Shell',
  'Arrival',
  'Inception',
] as const

const OTHER_MOVIES = [
  'The Godfather',
  'Titanic',
  'Forrest Gump',
  'The Dark Knight',
  'Pulp Fiction',
  'Casablanca',
  'The Notebook',
  'Toy Story',
  'Finding Nemo',
  'La La Land',
  'Top Gun: Maverick',
  'Barbie',
  'Oppenheimer',
  'Mamma Mia!',
  'Ghostbusters',
  'The Shawshank Redemption',
  'Pride and Prejudice',
  'Superbad',
] as const

const SCIENCE_FICTION = 'science fiction'

const OTHER_INTERESTS = [
  'cooking',
  'running',
  'travel',
  'photography',
  'gardening',
  'yoga',
  'hiking',
  'gaming',
  'music',
  'reading',
  'cycling',
  'fashion',
  'fitness',
  'technology',
  'soccer',
  'basketball',
  'wine',
  'home improvement',
  'personal finance',
  'pets',
] as const

const SCIENCE_FICTION_GENRES: readonly (readonly [string, number])[] = [
  ['sci-fi', 3],
  ['cyberpunk', 1],
]

const OTHER_GENRES = [
  'drama',
  'comedy',
  'action',
  'thriller',
  'romance',
  'horror',
  'documentary',
  'animation',
  'fantasy',
  'mystery',
] as const

/** How many items a list attribute holds, by weight. */
const FEW: readonly (readonly [number, number])[] = [
  [1, 40],
  [2, 30],
  [3, 20],
  [4, 10],
]

const CARS_OWNED: readonly (readonly [number, number])[] = [
  [1, 70],
  [2, 25],
  [3, 5],
]

const SEEN: readonly (readonly [number, number])[] = [
  [0, 8],
  [1, 15],
  [2, 20],
  [3, 20],
  [4, 15],
  [5, 12],
  [6, 10],
]

/** State shared by the profiles of one generation: the stream and the values already taken. */
interface Generation {
  readonly random: Random
  readonly seed: number
  readonly now: number
  readonly birthDays: readonly (readonly [readonly [number, number], number])[]
  readonly emails: Set<string>
  readonly phones: Set<string>
  /** The index of the John in the current run of `JOHN_EVERY` profiles. */
  nextJohn: number
}

/** `count` distinct values, drawn one by one (each `draw` must be able to produce enough). */
function distinct<T>(count: number, draw: () => T): T[] {
  const values: T[] = []
  while (values.length < count) {
    const value = draw()
    if (!values.includes(value)) values.push(value)
  }
  return values
}

/** A number of `count` digits, the first one 2 to 9 (valid for subscriber numbers everywhere). */
const digits = (random: Random, count: number): string =>
  String(random.int(2 * 10 ** (count - 1), 10 ** count - 1))

/** A 38-digit Experience Cloud ID. */
const ecid = (random: Random): string => {
  const parts = [String(random.int(10, 99))]
  for (let i = 0; i < 4; i++) parts.push(String(random.int(0, 999_999_999)).padStart(9, '0'))
  return parts.join('')
}

const HEX_DIGITS = Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0))
const DASH = '-'.charCodeAt(0)
const uuidCodes: number[] = Array.from({ length: 36 }, () => DASH)

/** A UUID-shaped id (version 4 layout) that depends only on the seed and the index. */
const profileId = (seed: number, index: number): string => {
  const words = [
    hash32(seed, index, 1),
    (hash32(seed, index, 2) & 0xffff0fff) | 0x4000,
    (hash32(seed, index, 3) & 0x3fffffff) | 0x80000000,
    hash32(seed, index, 4),
  ]
  let at = 0
  for (let nibble = 0; nibble < 32; nibble++) {
    if (nibble === 8 || nibble === 12 || nibble === 16 || nibble === 20) at++
    uuidCodes[at++] = HEX_DIGITS[(words[nibble >> 3] >>> (28 - (nibble & 7) * 4)) & 0xf]
  }
  return String.fromCharCode(...uuidCodes)
}

function emailAddress(
  generation: Generation,
  first: Name,
  last: Name,
  birthYear: string,
  home: Country,
): string {
  const { random, emails } = generation
  const local = random.weighted(LOCAL_PARTS)(first.slug, last.slug, birthYear, random)
  const domain =
    home.emailDomains.length > 0 && random.chance(0.3)
      ? random.pick(home.emailDomains)
      : random.weighted(GLOBAL_EMAIL_DOMAINS)
  let address = `${local}@${domain}`
  for (let suffix = 2; emails.has(address); suffix++) address = `${local}${suffix}@${domain}`
  emails.add(address)
  return address
}

function mobileNumber(generation: Generation, city: City): string {
  const { random, phones } = generation
  const prefixes = city.areaCodes ?? city.country.mobilePrefixes
  let number: string
  do {
    number = random.pick(prefixes) + digits(random, city.country.mobileDigits)
  } while (phones.has(number))
  phones.add(number)
  return number
}

/**
 * Cars, movies and hobbies. A quarter of the people are science fiction fans, who more often own a
 * DeLorean and have watched Back to the Future.
 */
function tastes(random: Random): XdmObject {
  const fan = random.chance(0.25)
  const attributes: XdmObject = {}

  const vehicles = random.chance(0.8)
    ? distinct(random.weighted(CARS_OWNED), () => random.weighted(CAR_MAKES))
    : []
  if (random.chance(fan ? 0.08 : 0.015)) vehicles.push(DELOREAN)
  if (vehicles.length > 0) attributes.vehicles = vehicles

  const movies: string[] = distinct(random.weighted(SEEN), () =>
    random.pick(fan && random.chance(0.5) ? SCIENCE_FICTION_MOVIES : OTHER_MOVIES),
  )
  if (random.chance(fan ? 0.35 : 0.083)) {
    movies.splice(random.int(0, movies.length), 0, BACK_TO_THE_FUTURE)
  }
  if (movies.length > 0) attributes.watchedMovies = movies

  if (random.chance(0.95)) {
    const interests: string[] = distinct(random.weighted(FEW), () => random.pick(OTHER_INTERESTS))
    if (fan && random.chance(0.8)) interests[0] = SCIENCE_FICTION
    attributes.interests = interests
  }

  if (random.chance(0.85)) {
    attributes.favoriteGenre =
      fan && random.chance(0.7)
        ? random.weighted(SCIENCE_FICTION_GENRES)
        : random.pick(OTHER_GENRES)
  }
  return attributes
}

function generateProfile(generation: Generation, index: number): Profile {
  const { random, now } = generation
  if (index % JOHN_EVERY === 0) generation.nextJohn = index + random.int(0, JOHN_EVERY - 1)
  const isJohn = index === generation.nextJohn
  const city = random.weighted(isJohn ? ENGLISH_SPEAKING_CITY_WEIGHTS : CITY_WEIGHTS)
  const home = city.country
  const gender: Gender = isJohn ? random.weighted(JOHN_GENDERS) : random.weighted(GENDERS)
  const givenNames =
    gender === 'male' || (gender === 'not_specified' && random.chance(0.5))
      ? home.names.male
      : home.names.female
  const first = isJohn ? JOHN : random.pick(givenNames)
  const last = random.pick(home.names.last)
  const birthDate = isoDate(random.int(...random.weighted(generation.birthDays)))

  const attributes: XdmObject = {
    person: { name: { firstName: first.value, lastName: last.value }, birthDate, gender },
  }
  const identityMap: IdentityMap = { ecid: [{ id: ecid(random), primary: true }] }
  if (random.chance(0.3)) identityMap.ecid.push({ id: ecid(random), primary: false })

  if (random.chance(0.9)) {
    const address = emailAddress(generation, first, last, birthDate.slice(0, 4), home)
    attributes.personalEmail = { address }
    identityMap.email_lc_sha256 = [{ id: sha256(address.toLowerCase()), primary: false }]
  }
  if (random.chance(0.8)) {
    const number = mobileNumber(generation, city)
    attributes.mobilePhone = { number }
    identityMap.phone = [{ id: number, primary: false }]
  }
  attributes.homeAddress = { city: city.name, countryCode: home.code, country: home.name }

  if (random.chance(0.75)) {
    const [tier, , minPoints, maxPoints] = random.weighted(LOYALTY_WEIGHTS)
    attributes.loyalty = { tier, points: random.int(minPoints, maxPoints) }
  }
  Object.assign(attributes, tastes(random))

  const createdAt = now - random.int(60_000, 90 * DAY_MS)
  return {
    id: profileId(generation.seed, index),
    attributes,
    identityMap,
    segmentMembership: { ups: {} },
    createdAt,
    updatedAt: createdAt + random.int(0, now - createdAt),
  }
}

/**
 * Deterministic demo profiles: the same seed, count and `now` always give the same profiles, and a
 * smaller count gives a prefix of a larger one. Audience memberships start empty.
 */
export function generateProfiles({
  seed,
  count = DEFAULT_PROFILE_COUNT,
  now,
}: {
  seed: number
  count?: number
  now: number
}): Profile[] {
  const generation: Generation = {
    random: createRandom(seed),
    seed,
    now,
    birthDays: AGE_BANDS.map(([[youngest, oldest], weight]) => [
      [yearsBefore(now, oldest + 1) + 1, yearsBefore(now, youngest)],
      weight,
    ]),
    emails: new Set(),
    phones: new Set(),
    nextJohn: 0,
  }
  return Array.from({ length: count }, (_, index) => generateProfile(generation, index))
}

import type { TrafficKind } from '../../../contracts/engine/traffic'
import type { JsonPatchOperation } from '../../../contracts/flow-service'
import type { Profile, XdmObject, XdmValue } from '../../../contracts/profile'
import type { SchemaField } from '../../../contracts/schema'
import type { Random } from '../../seed/data/random'
import { findField, leafPaths } from '../../seed/data/union-schema'
import { isXdmObject, pathsOverlap, readPath } from './export/xdm-path'

/** The share of each kind of generated update, in percent. */
export const KIND_WEIGHTS: readonly (readonly [TrafficKind, number])[] = [
  ['mapped-attribute', 35],
  ['unmapped-attribute', 25],
  ['audience-change', 25],
  ['identity-added', 15],
]

/** Attributes written as "mapped" when no dataflow maps any. */
const COMMON_MAPPED = [
  'person.name.firstName',
  'person.name.lastName',
  'personalEmail.address',
  'mobilePhone.number',
]

/** Attributes written as "unmapped", when no dataflow maps them. */
const UNMAPPED_CANDIDATES = [
  'favoriteGenre',
  'interests',
  'homeAddress.city',
  'loyalty.points',
  'mobilePhone.number',
  'person.gender',
  'watchedMovies',
]

const FIRST_NAMES = ['Emma', 'Liam', 'Olivia', 'Noah', 'Ava', 'Lucas', 'Mia', 'Ethan', 'Sofia']
const LAST_NAMES = ['Smith', 'Garcia', 'Müller', 'Rossi', 'Martin', 'Tanaka', 'Brown', 'Jansen']
const CITIES = ['Boston', 'Chicago', 'Berlin', 'Paris', 'Madrid', 'Milan', 'Tokyo', 'Toronto']
const GENRES = ['drama', 'comedy', 'thriller', 'documentary', 'sci-fi', 'cyberpunk', 'animation']
const INTERESTS = ['cooking', 'travel', 'running', 'photography', 'gaming', 'science fiction']
const TIERS = ['bronze', 'silver', 'gold', 'platinum']

const escapeToken = (token: string) => token.replaceAll('~', '~0').replaceAll('/', '~1')

/**
 * One operation that writes `value` at the dot path: `replace` when the attribute exists, `add`
 * when only its parent does, else an `add` of the first missing object with the rest nested in it.
 */
export function writeOperation(
  attributes: XdmObject,
  path: string,
  value: XdmValue,
): JsonPatchOperation {
  const segments = path.split('.')
  let node: XdmObject = attributes
  let depth = 0
  while (depth < segments.length - 1 && isXdmObject(node[segments[depth]])) {
    node = node[segments[depth]] as XdmObject
    depth++
  }
  let nested: XdmValue = value
  for (let i = segments.length - 1; i > depth; i--) nested = { [segments[i]]: nested }
  const pointer = `/attributes/${segments
    .slice(0, depth + 1)
    .map(escapeToken)
    .join('/')}`
  const exists = depth === segments.length - 1 && Object.hasOwn(node, segments[depth])
  return { op: exists ? 'replace' : 'add', path: pointer, value: nested }
}

const digits = (random: Random, count: number) =>
  Array.from({ length: count }, () => random.int(0, 9)).join('')

/** A new, realistic value for an attribute, from its path and current value. */
export function freshValue(path: string, current: XdmValue | undefined, random: Random): XdmValue {
  switch (path) {
    case 'person.name.firstName':
      return random.pick(FIRST_NAMES)
    case 'person.name.lastName':
      return random.pick(LAST_NAMES)
    case 'personalEmail.address':
      return `${random.pick(FIRST_NAMES)}.${random.pick(LAST_NAMES)}${random.int(1, 999)}@example.com`
        .normalize('NFD')
        .replace(/[^\w.@-]/g, '')
        .toLowerCase()
    case 'mobilePhone.number':
      return `+1555${digits(random, 7)}`
    case 'homeAddress.city':
      return random.pick(CITIES)
    case 'favoriteGenre':
      return random.pick(GENRES)
    case 'interests':
      return [random.pick(INTERESTS), random.pick(INTERESTS)].filter(
        (v, i, a) => a.indexOf(v) === i,
      )
    case 'loyalty.tier':
      return random.pick(TIERS)
    case 'person.gender':
      return random.pick(['male', 'female', 'not_specified'])
    case 'watchedMovies':
      return Array.isArray(current) ? [...current, 'Inception'] : ['Inception']
    default:
      if (typeof current === 'number') return current + random.int(1, 500)
      if (typeof current === 'boolean') return !current
      if (typeof current === 'string' && /^\d{4}-\d{2}-\d{2}/.test(current)) return current
      return valueOfType(findField(path), random)
  }
}

/** A new value of the schema field's type, for an attribute the profile does not have yet. */
function valueOfType(field: SchemaField | undefined, random: Random): XdmValue {
  const text = `updated-${random.int(1000, 9999)}`
  switch (field?.type) {
    case 'integer':
    case 'number':
      return random.int(1, 10_000)
    case 'boolean':
      return random.chance(0.5)
    case 'date':
      return `19${random.int(50, 99)}-0${random.int(1, 9)}-1${random.int(0, 9)}`
    case 'date-time':
      return new Date(Date.UTC(2026, 0, random.int(1, 28))).toISOString()
    case 'array':
      return field.itemType === 'string' ? [text] : []
    default:
      return text
  }
}

const toggled = (list: XdmValue | undefined, item: string): string[] => {
  const items = Array.isArray(list) ? list.filter((v): v is string => typeof v === 'string') : []
  return items.includes(item) ? items.filter((v) => v !== item) : [...items, item]
}

/** Edits that move a profile into or out of the seeded audiences. */
const AUDIENCE_EDITS: readonly ((attributes: XdmObject, random: Random) => [string, XdmValue])[] = [
  (a) => [
    'person.name.firstName',
    readPath(a, ['person', 'name', 'firstName']) === 'John' ? 'Jon' : 'John',
  ],
  (a) => {
    const tier = readPath(a, ['loyalty', 'tier'])
    return ['loyalty.tier', tier === 'gold' || tier === 'platinum' ? 'silver' : 'gold']
  },
  (a) => {
    const points = readPath(a, ['loyalty', 'points'])
    return ['loyalty.points', typeof points === 'number' && points >= 5000 ? 1200 : 7500]
  },
  (a) => ['vehicles', toggled(a.vehicles, 'DeLorean')],
  (a) => ['watchedMovies', toggled(a.watchedMovies, 'Back to the Future')],
  (a) => ['interests', toggled(a.interests, 'science fiction')],
  (a, random) => [
    'homeAddress.city',
    readPath(a, ['homeAddress', 'city']) === 'New York' ? random.pick(CITIES) : 'New York',
  ],
]

/**
 * One generated update of a profile (Generate traffic), as the JSON Patch the profile API takes:
 * - `mapped-attribute`: writes one of `mappedPaths` (or a commonly mapped attribute), half the
 *   time with the value it already has;
 * - `unmapped-attribute`: writes an attribute no dataflow maps;
 * - `audience-change`: an edit that moves the profile into or out of a seeded audience;
 * - `identity-added`: adds an ECID (and drops the oldest extra one past five).
 */
export function planUpdate(
  profile: Pick<Profile, 'attributes' | 'identityMap'>,
  kind: TrafficKind,
  mappedPaths: readonly string[],
  random: Random,
): JsonPatchOperation[] {
  const { attributes } = profile
  switch (kind) {
    case 'mapped-attribute': {
      const path = random.pick(mappedPaths.length > 0 ? mappedPaths : COMMON_MAPPED)
      const current = readPath(attributes, path.split('.'))
      const value =
        current !== undefined && current !== null && random.chance(0.5)
          ? current
          : freshValue(path, current, random)
      return [writeOperation(attributes, path, value)]
    }
    case 'unmapped-attribute': {
      const candidates = UNMAPPED_CANDIDATES.filter(
        (path) => !mappedPaths.some((mapped) => pathsOverlap(mapped, path)),
      )
      const path =
        candidates.length > 0
          ? random.pick(candidates)
          : (leafPaths().find((leaf) => !mappedPaths.some((m) => pathsOverlap(m, leaf))) ??
            'favoriteGenre')
      const current = readPath(attributes, path.split('.'))
      return [writeOperation(attributes, path, freshValue(path, current, random))]
    }
    case 'audience-change': {
      const [path, value] = random.pick(AUDIENCE_EDITS)(attributes, random)
      return [writeOperation(attributes, path, value)]
    }
    default: {
      const ecid = `${random.int(10, 99)}${digits(random, 36)}`
      const existing = profile.identityMap.ecid
      if (!existing) return [{ op: 'add', path: '/identityMap/ecid', value: [{ id: ecid }] }]
      const operations: JsonPatchOperation[] = [
        { op: 'add', path: '/identityMap/ecid/-', value: { id: ecid, primary: false } },
      ]
      if (existing.length >= 5) operations.unshift({ op: 'remove', path: '/identityMap/ecid/1' })
      return operations
    }
  }
}

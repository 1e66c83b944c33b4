import { describe, expect, it } from 'vitest'
import type { XdmValue } from '../../../contracts/profile'
import { generateProfiles } from './profiles'
import type { SchemaField } from '../../../contracts/schema'
import { findField, leafPaths, unionSchema } from './union-schema'

const walk = (fields: SchemaField[]): SchemaField[] =>
  fields.flatMap((field) => [field, ...walk(field.children ?? [])])

/** The path of every leaf value of an attribute tree, with the JSON type found there. */
function attributePaths(value: XdmValue, path: string, out: Map<string, string>): void {
  if (Array.isArray(value)) out.set(path, 'array')
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      attributePaths(child, path === '' ? key : `${path}.${key}`, out)
    }
  } else out.set(path, typeof value)
}

const COMPATIBLE: Record<string, SchemaField['type'][]> = {
  string: ['string', 'date', 'date-time'],
  number: ['integer', 'number'],
  boolean: ['boolean'],
  array: ['array'],
}

describe('unionSchema', () => {
  const fields = walk(unionSchema)

  it('has a unique dotted path, a title and a one-sentence description on every field', () => {
    expect(new Set(fields.map((field) => field.path)).size).toBe(fields.length)
    for (const field of fields) {
      expect(field.path.split('.').at(-1)).toBe(field.name)
      expect(field.title).not.toBe('')
      expect(field.description).toMatch(/^[A-Z].*\.$/)
      for (const child of field.children ?? []) {
        expect(child.path).toBe(`${field.path}.${child.name}`)
      }
    }
  })

  it('gives children only to objects and an item type only to arrays', () => {
    for (const field of fields) {
      expect(field.children === undefined || field.type === 'object').toBe(true)
      expect(field.itemType !== undefined).toBe(field.type === 'array')
    }
  })

  it('covers every attribute of the generated profiles with a compatible type', () => {
    const paths = new Map<string, string>()
    for (const profile of generateProfiles({
      seed: 42,
      count: 1000,
      now: Date.UTC(2026, 10, 26),
    })) {
      attributePaths(profile.attributes, '', paths)
    }
    expect(paths.size).toBeGreaterThan(10)
    const uncovered = [...paths].filter(
      ([path, jsonType]) => !COMPATIBLE[jsonType].some((type) => findField(path)?.type === type),
    )
    expect(uncovered).toEqual([])
  })

  it('includes standard XDM fields the profiles do not always have', () => {
    expect(findField('person.name.firstName')?.title).toBe('First name')
    expect(findField('personalEmail')?.title).toBe('Personal email')
    const standard = [
      'person.name.middleName',
      'person.name.fullName',
      'person.birthYear',
      'homeAddress.street1',
      'homeAddress.postalCode',
      'homeAddress.stateProvince',
      'workEmail.address',
      'mobilePhone.status',
      'personalEmail.status',
      'consents.marketing.email.val',
      'loyalty.joinDate',
      'loyalty.program',
      'userAccount.ID',
    ]
    expect(standard.filter((path) => findField(path) === undefined)).toEqual([])
  })

  it('lists identityMap and segmentMembership as objects, not as mappable leaves', () => {
    expect(findField('identityMap')?.type).toBe('object')
    expect(findField('segmentMembership')?.type).toBe('object')
    const leaves = leafPaths()
    expect(leaves).not.toContain('identityMap')
    expect(leaves).not.toContain('segmentMembership')
    expect(leaves).toContain('person.name.firstName')
    expect(leaves).toContain('vehicles')
    for (const path of leaves) expect(findField(path)?.type).not.toBe('object')
  })

  it('answers undefined for unknown paths and a fresh list of leaves each time', () => {
    expect(findField('person.name.nickname')).toBeUndefined()
    expect(findField('')).toBeUndefined()
    const leaves = leafPaths()
    leaves.pop()
    expect(leafPaths()).toHaveLength(leaves.length + 1)
  })
})

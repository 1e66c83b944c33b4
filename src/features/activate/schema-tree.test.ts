import { describe, expect, it } from 'vitest'
import type { SchemaField } from '../../../contracts/schema'
import { filterTree, findField, flatten, notMappableReason, typeLabel } from './schema-tree'

const leaf = (path: string, type: SchemaField['type'] = 'string'): SchemaField => ({
  name: path.split('.').at(-1)!,
  path,
  type,
  title: path.split('.').at(-1)!,
  description: '',
})

const FIELDS: SchemaField[] = [
  {
    ...leaf('person', 'object'),
    title: 'Person',
    children: [
      {
        ...leaf('person.name', 'object'),
        children: [leaf('person.name.firstName'), leaf('person.name.lastName')],
      },
      leaf('person.birthDate', 'date'),
    ],
  },
  {
    ...leaf('personalEmail', 'object'),
    children: [leaf('personalEmail.address'), leaf('personalEmail.status')],
  },
  { ...leaf('vehicles', 'array'), itemType: 'string' },
  leaf('identityMap', 'object'),
  leaf('segmentMembership', 'object'),
]

describe('filterTree', () => {
  it('keeps everything and expands nothing without a search', () => {
    const { fields, expanded } = filterTree(FIELDS, '  ')
    expect(fields).toEqual(FIELDS)
    expect(expanded.size).toBe(0)
  })

  it('finds fields by name, ignoring case, and expands their ancestors', () => {
    const { fields, expanded } = filterTree(FIELDS, 'FIRSTname')
    expect(flatten(fields).map((f) => f.path)).toEqual([
      'person',
      'person.name',
      'person.name.firstName',
    ])
    expect([...expanded]).toEqual(['person.name', 'person'])
  })

  it('finds fields by dotted path', () => {
    const { fields } = filterTree(FIELDS, 'email.addr')
    expect(flatten(fields).map((f) => f.path)).toEqual(['personalEmail', 'personalEmail.address'])
  })

  it('keeps the whole subtree of a matching object', () => {
    const { fields } = filterTree(FIELDS, 'person.name')
    expect(flatten(fields).map((f) => f.path)).toEqual([
      'person',
      'person.name',
      'person.name.firstName',
      'person.name.lastName',
    ])
  })

  it('returns nothing when nothing matches', () => {
    expect(filterTree(FIELDS, 'no such field').fields).toEqual([])
  })
})

describe('notMappableReason', () => {
  it('lets scalars and arrays be mapped', () => {
    expect(notMappableReason(findField(FIELDS, 'person.name.firstName')!)).toBeNull()
    expect(notMappableReason(findField(FIELDS, 'vehicles')!)).toBeNull()
  })

  it('refuses identityMap and segmentMembership, saying why', () => {
    expect(notMappableReason(findField(FIELDS, 'identityMap')!)).toMatch(/identityMap is always/)
    expect(notMappableReason(findField(FIELDS, 'segmentMembership')!)).toMatch(/always exported/)
  })

  it('asks to pick a field inside an object', () => {
    expect(notMappableReason(findField(FIELDS, 'person.name')!)).toMatch(/Expand the object/)
  })
})

describe('typeLabel', () => {
  it('names the item type of arrays', () => {
    expect(typeLabel(findField(FIELDS, 'vehicles')!)).toBe('array of string')
    expect(typeLabel(findField(FIELDS, 'person.birthDate')!)).toBe('date')
  })
})

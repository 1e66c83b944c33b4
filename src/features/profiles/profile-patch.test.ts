import { describe, expect, it } from 'vitest'
import {
  attributePathIssue,
  attributeRemove,
  attributeWrite,
  flattenAttributes,
  identityAdd,
  identityRemove,
  parseAttributeValue,
} from './profile-patch'

const attributes = { person: { name: { firstName: 'John' } }, loyalty: { points: 10 } }

describe('profile patches', () => {
  it('writes an existing attribute with one add (a same-value write still writes)', () => {
    expect(attributeWrite(attributes, 'person.name.firstName', 'John')).toEqual([
      { op: 'add', path: '/attributes/person/name/firstName', value: 'John' },
    ])
  })

  it('creates missing parent objects in one add', () => {
    expect(attributeWrite(attributes, 'homeAddress.city', 'Paris')).toEqual([
      { op: 'add', path: '/attributes/homeAddress', value: { city: 'Paris' } },
    ])
    expect(attributeWrite(attributes, 'person.name.middleName', 'Q')).toEqual([
      { op: 'add', path: '/attributes/person/name/middleName', value: 'Q' },
    ])
  })

  it('removes an attribute', () => {
    expect(attributeRemove('loyalty.points')).toEqual([
      { op: 'remove', path: '/attributes/loyalty/points' },
    ])
  })

  it('adds identities to existing and new namespaces and removes them', () => {
    const map = { ecid: [{ id: '1' }, { id: '2' }], phone: [{ id: '+1' }] }
    expect(identityAdd(map, 'ecid', '3')).toEqual([
      { op: 'add', path: '/identityMap/ecid/-', value: { id: '3' } },
    ])
    expect(identityAdd(map, 'email', 'a@b.example')).toEqual([
      { op: 'add', path: '/identityMap/email', value: [{ id: 'a@b.example' }] },
    ])
    expect(identityRemove(map, 'ecid', '2')).toEqual([
      { op: 'remove', path: '/identityMap/ecid/1' },
    ])
    expect(identityRemove(map, 'phone', '+1')).toEqual([
      { op: 'remove', path: '/identityMap/phone' },
    ])
    expect(identityRemove(map, 'phone', 'nope')).toEqual([])
  })

  it('validates attribute paths', () => {
    expect(attributePathIssue('loyalty.points')).toBeNull()
    expect(attributePathIssue('')).toMatch(/Enter/)
    expect(attributePathIssue('loyalty..points')).toMatch(/dotted/)
    expect(attributePathIssue('identityMap.ecid')).toMatch(/Identities/)
  })

  it('parses typed values', () => {
    expect(parseAttributeValue('12', 'number')).toEqual({ ok: true, value: 12 })
    expect(parseAttributeValue('x', 'number').ok).toBe(false)
    expect(parseAttributeValue('true', 'boolean')).toEqual({ ok: true, value: true })
    expect(parseAttributeValue('["a"]', 'json')).toEqual({ ok: true, value: ['a'] })
    expect(parseAttributeValue('[', 'json').ok).toBe(false)
    expect(parseAttributeValue(' a ', 'string')).toEqual({ ok: true, value: ' a ' })
  })

  it('flattens attributes to dotted leaves', () => {
    expect(flattenAttributes(attributes)).toEqual([
      { path: 'person.name.firstName', value: 'John' },
      { path: 'loyalty.points', value: 10 },
    ])
  })
})

import { describe, expect, it } from 'vitest'
import type { SchemaField } from './schema'
import { identityMapIssues, identityValueIssue, namespaceIssue } from './identity-rules'
import { resolveAttributePath, writeIssue } from './xdm-write'

const field = (path: string, type: SchemaField['type'], extra: Partial<SchemaField> = {}) => ({
  name: path.split('.').at(-1)!,
  path,
  type,
  title: path,
  description: `${path}.`,
  ...extra,
})

const SCHEMA: SchemaField[] = [
  field('person', 'object', {
    children: [field('person.birthDate', 'date'), field('person.lastSeen', 'date-time')],
  }),
  field('vehicles', 'array', { itemType: 'string' }),
  field('identityMap', 'object'),
]

const write = (path: string, value: unknown) => {
  const target = resolveAttributePath(SCHEMA, path.split('.'))
  return typeof target === 'string' ? target : writeIssue(SCHEMA, target, value)
}

describe('attribute writes', () => {
  it('accept values of the field type, list items by position', () => {
    expect(write('person.birthDate', '1985-10-26')).toBeNull()
    expect(write('person.lastSeen', '2026-11-26T07:00:00.000Z')).toBeNull()
    expect(write('vehicles.-', 'DeLorean')).toBeNull()
    expect(write('vehicles.0', 'DeLorean')).toBeNull()
    expect(write('person', { birthDate: '2000-02-29' })).toBeNull()
  })

  it('refuse impossible dates, unknown fields, writes into scalars, and non-attributes', () => {
    expect(write('person.birthDate', '2026-02-30')).toBe(
      'person.birthDate must be a date (YYYY-MM-DD).',
    )
    expect(write('person.lastSeen', 'yesterday')).toBe(
      'person.lastSeen must be a date and time (ISO 8601).',
    )
    expect(write('person', { age: 3 })).toBe('person.age is not a field of the profile schema.')
    expect(write('vehicles.first', 'x')).toBe('vehicles is a list: address its items by position.')
    expect(write('vehicles.0.make', 'x')).toBe(
      'vehicles items holds a single value: vehicles.0.make cannot be written.',
    )
    expect(write('vehicles', ['a', 2])).toBe('Each item of vehicles must be a string.')
    expect(write('identityMap', {})).toBe('identityMap is not a field of the profile schema.')
  })
})

describe('identity rules', () => {
  it('know the namespaces and the form of their values', () => {
    expect(namespaceIssue('crmId')).toBeNull()
    expect(namespaceIssue('ECID')).toMatch(/^Unknown identity namespace/)
    expect(identityValueIssue('phone', '+14155550100')).toBeNull()
    expect(identityValueIssue('phone', '4155550100')).toBe(
      'Enter the number in E.164 form, like +14155550100.',
    )
    expect(identityValueIssue('email_lc_sha256', 'A'.repeat(64))).toMatch(/lower case/)
  })

  it('report duplicates and an empty map with their paths', () => {
    const id = '1'.repeat(38)
    expect(identityMapIssues({ ecid: [{ id }, { id }] })).toEqual([
      {
        path: 'identityMap.ecid.1.id',
        message: `The profile already has the ecid identity ${id}.`,
      },
    ])
    expect(identityMapIssues({ ecid: [] })).toEqual([
      { path: 'identityMap', message: 'A profile keeps at least one identity.' },
    ])
  })
})

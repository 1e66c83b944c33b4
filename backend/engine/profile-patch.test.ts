import { describe, expect, it } from 'vitest'
import { identitiesChanged, writtenAttributePaths } from './profile-patch'

const before = { person: { name: { firstName: 'John' } }, loyalty: { points: 10 } }

describe('writtenAttributePaths', () => {
  it('turns attribute pointers into XDM dot paths, a same-value write included', () => {
    expect(
      writtenAttributePaths(
        [
          { op: 'replace', path: '/attributes/person/name/firstName', value: 'John' },
          { op: 'add', path: '/attributes/vehicles/-', value: 'DeLorean' },
          { op: 'remove', path: '/attributes/loyalty' },
        ],
        before,
        before,
      ),
    ).toEqual(['person.name.firstName', 'vehicles.-', 'loyalty'])
  })

  it('counts both ends of a move, the target of a copy, and nothing for test or identities', () => {
    expect(
      writtenAttributePaths(
        [
          { op: 'move', from: '/attributes/a', path: '/attributes/b' },
          { op: 'copy', from: '/attributes/c', path: '/attributes/d' },
          { op: 'test', path: '/attributes/e', value: 1 },
          { op: 'add', path: '/identityMap/ecid/-', value: { id: '1' } },
        ],
        {},
        {},
      ),
    ).toEqual(['a', 'b', 'd'])
  })

  it('unescapes JSON Pointer tokens and lists each path once', () => {
    expect(
      writtenAttributePaths(
        [
          { op: 'add', path: '/attributes/a~1b/c~0d', value: 1 },
          { op: 'replace', path: '/attributes/a~1b/c~0d', value: 2 },
        ],
        {},
        {},
      ),
    ).toEqual(['a/b.c~d'])
  })

  it('counts a write of the whole attributes object as a write of every top-level attribute', () => {
    expect(
      writtenAttributePaths(
        [{ op: 'replace', path: '/attributes', value: { homeAddress: {} } }],
        before,
        { homeAddress: {} },
      ),
    ).toEqual(['person', 'loyalty', 'homeAddress'])
  })
})

describe('identitiesChanged', () => {
  it('sees an identity added or removed', () => {
    expect(identitiesChanged({ ecid: [{ id: '1' }] }, { ecid: [{ id: '1' }, { id: '2' }] })).toBe(
      true,
    )
    expect(
      identitiesChanged({ ecid: [{ id: '1' }], phone: [{ id: '5' }] }, { ecid: [{ id: '1' }] }),
    ).toBe(true)
  })

  it('does not count a new order or a moved primary flag', () => {
    expect(
      identitiesChanged(
        { ecid: [{ id: '1', primary: true }, { id: '2' }] },
        { ecid: [{ id: '2', primary: true }, { id: '1' }] },
      ),
    ).toBe(false)
  })
})

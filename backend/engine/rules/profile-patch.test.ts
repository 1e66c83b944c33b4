import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { profilePatchSchema } from '../../../contracts/engine/profiles'
import type { JsonPatchOperation } from '../../../contracts/flow-service'
import { applyOperations } from '../../services/versioning'
import {
  applySimplePatch,
  identitiesChanged,
  isExactProfilePatch,
  writtenAttributePaths,
  type EditableProfile,
} from './profile-patch'

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

  it('sees no change in the same map', () => {
    const map = { ecid: [{ id: '1' }] }
    expect(identitiesChanged(map, map)).toBe(false)
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

describe('isExactProfilePatch', () => {
  it('accepts a patch exactly as the schema outputs it', () => {
    const patch = [
      { op: 'replace', path: '/attributes/person/name/firstName', value: 'John' },
      { op: 'add', path: '/identityMap/ecid', value: [{ id: '1' }] },
      { op: 'remove', path: '/attributes/loyalty' },
      { op: 'move', from: '/attributes/a', path: '/attributes/b' },
      { op: 'test', path: '/attributes/c', value: null },
    ]
    expect(isExactProfilePatch(patch)).toBe(true)
    expect(profilePatchSchema.parse(patch)).toStrictEqual(patch)
  })

  it('leaves anything else to the schema', () => {
    const rejected: unknown[] = [
      [],
      {},
      [null],
      [{ op: 'add', path: '/attributes/a', value: 1, extra: true }],
      [{ op: 'add', path: '/attributes/a' }],
      [{ op: 'add', path: '/attributes/a', value: undefined }],
      [{ op: 'add', path: '/segmentMembership/ups', value: 1 }],
      [{ op: 'copy', from: '/createdAt', path: '/attributes/a' }],
      [{ op: 'toString', path: '/attributes/a' }],
      [{ op: 'remove', path: 7 }],
    ]
    for (const body of rejected) expect(isExactProfilePatch(body)).toBe(false)
  })

  it('never accepts what the schema would change or refuse', () => {
    const pointer = fc.constantFrom('/attributes/a', '/identityMap/x', '/id', '', '/attributes')
    const operation = fc.record(
      {
        op: fc.constantFrom('add', 'replace', 'remove', 'move', 'copy', 'test', 'get'),
        path: fc.oneof(pointer, fc.integer()),
        from: pointer,
        value: fc.oneof(fc.jsonValue(), fc.constant(undefined)),
        extra: fc.boolean(),
      },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 3 }), (body) => {
        if (!isExactProfilePatch(body)) return
        const parsed = profilePatchSchema.safeParse(body)
        expect(parsed.success).toBe(true)
        expect(parsed.data).toStrictEqual(body)
      }),
    )
  })
})

const doc = (): EditableProfile => ({
  attributes: { person: { name: { firstName: 'John', lastName: 'Doe' } }, vehicles: ['Ford'] },
  identityMap: { ecid: [{ id: '1', primary: true }] },
})

describe('applySimplePatch', () => {
  it('copies only the objects on the written paths', () => {
    const original = doc()
    const after = applySimplePatch(original, [
      { op: 'replace', path: '/attributes/person/name/firstName', value: 'Jane' },
      { op: 'add', path: '/attributes/person/gender', value: { code: 'f' } },
    ])
    expect(after).toStrictEqual({
      attributes: {
        person: { name: { firstName: 'Jane', lastName: 'Doe' }, gender: { code: 'f' } },
        vehicles: ['Ford'],
      },
      identityMap: { ecid: [{ id: '1', primary: true }] },
    })
    expect(original).toStrictEqual(doc())
    expect(after?.attributes.vehicles).toBe(original.attributes.vehicles)
    expect(after?.identityMap).toBe(original.identityMap)
  })

  it('copies nothing for a write of the value a member already has', () => {
    const original = doc()
    const operations: JsonPatchOperation[] = [
      { op: 'replace', path: '/attributes/person/name/firstName', value: 'John' },
      { op: 'add', path: '/attributes/person/name/lastName', value: 'Doe' },
    ]
    const after = applySimplePatch(original, operations)
    expect(after?.attributes).toBe(original.attributes)
    expect(after).toStrictEqual(applyOperations(doc(), operations))
    const rename: JsonPatchOperation[] = [
      { op: 'replace', path: '/attributes/person/name/firstName', value: 'Jane' },
    ]
    expect(applySimplePatch(original, rename)?.attributes).not.toBe(original.attributes)
  })

  it('leaves arrays, missing parents, missing members and special tokens to applyPatch', () => {
    const cases: JsonPatchOperation[] = [
      { op: 'add', path: '/attributes/vehicles/-', value: 'DeLorean' },
      { op: 'add', path: '/attributes/loyalty/points', value: 1 },
      { op: 'replace', path: '/attributes/person/gender', value: 'f' },
      { op: 'add', path: '/attributes/a~1b', value: 1 },
      { op: 'add', path: '/attributes/__proto__', value: {} },
      { op: 'add', path: '/attributes/toString', value: 1 },
      { op: 'add', path: '/attributes', value: {} },
      { op: 'remove', path: '/attributes/person' },
      { op: 'add', path: '/attributes/a', value: [undefined] },
    ]
    for (const operation of cases) expect(applySimplePatch(doc(), [operation])).toBeNull()
  })

  it('gives what applyOperations gives whenever it answers', () => {
    const key = fc.constantFrom('a', 'b', 'a', 'b', 'toString', '0', '')
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small' },
        { arbitrary: fc.jsonValue({ maxDepth: 0 }), weight: 2 },
        { arbitrary: fc.array(tie('tree'), { maxLength: 2 }), weight: 1 },
        {
          arbitrary: fc.dictionary(key, tie('tree'), { maxKeys: 3, noNullPrototype: true }),
          weight: 3,
        },
      ),
    }))
    /** The pointers of every object in the document, where the patch's operations point into. */
    const objectPointers = (value: unknown, pointer: string): string[] =>
      typeof value === 'object' && value !== null
        ? [
            pointer,
            ...Object.entries(value).flatMap(([name, child]) =>
              objectPointers(child, `${pointer}/${name}`),
            ),
          ]
        : []
    const patched = fc
      .dictionary(key, tree, { maxKeys: 3, noNullPrototype: true })
      .chain((attributes) => {
        const pointer = fc
          .tuple(fc.constantFrom(...objectPointers(attributes, '/attributes')), key)
          .map(([parent, name]) => `${parent}/${name}`)
        const operation = fc.oneof(
          {
            arbitrary: fc.record({
              op: fc.constantFrom('add', 'replace'),
              path: pointer,
              value: tree,
            }),
            weight: 6,
          },
          {
            arbitrary: fc.record({ op: fc.constant('test'), path: pointer, value: tree }),
            weight: 1,
          },
          { arbitrary: fc.record({ op: fc.constant('remove'), path: pointer }), weight: 1 },
        ) as fc.Arbitrary<JsonPatchOperation>
        return fc.tuple(
          fc.constant(attributes),
          fc.array(operation, { minLength: 1, maxLength: 3 }),
        )
      })
    fc.assert(
      fc.property(patched, ([attributes, operations]) => {
        const original = { attributes, identityMap: { ecid: [{ id: '1' }] } } as EditableProfile
        const snapshot = structuredClone(original)
        const fast = applySimplePatch(original, operations)
        expect(original).toStrictEqual(snapshot)
        if (fast === null) return
        expect(fast).toStrictEqual(applyOperations(snapshot, operations))
        expect(fast.identityMap).toBe(original.identityMap)
      }),
      { numRuns: 1000 },
    )
  })
})

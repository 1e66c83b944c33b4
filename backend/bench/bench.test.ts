import { describe, expect, it } from 'vitest'
import type { Profile } from '../../contracts/profile'
import { changed, exited, john, prepared } from '../engine/rules/export/fixtures'
import { burstUpdates, updateBurst } from './bench'

const profile = (id: string, state = john): Profile => ({
  id,
  ...state,
  createdAt: 0,
  updatedAt: 0,
})

/** John, realized in a mapped audience; the same profile after leaving every audience. */
const inScope = profile('in', john)
const outOfScope = profile(
  'out',
  changed(john, (draft) => {
    for (const id in draft.segmentMembership.ups) {
      draft.segmentMembership.ups[id] = exited('2022-01-02T23:37:33Z')
    }
  }),
)

describe('burstUpdates', () => {
  it('writes the first mapped attribute with the value it has, for each profile in scope', () => {
    expect(burstUpdates([inScope, outOfScope], prepared())).toEqual([
      {
        profileId: 'in',
        operations: [{ op: 'add', path: '/attributes/person/name/firstName', value: 'John' }],
      },
    ])
  })

  it('makes none without a mapped attribute', () => {
    expect(burstUpdates([inScope], prepared({ mappedAttributes: [] }))).toEqual([])
  })
})

describe('updateBurst', () => {
  it('cycles through the updates until it has sent the count', async () => {
    const sent: string[] = []
    const updates = [
      { profileId: 'a', operations: [] },
      { profileId: 'b', operations: [] },
    ]
    expect(await updateBurst(updates, 5, (id) => sent.push(id))).toBe(5)
    expect(sent).toEqual(['a', 'b', 'a', 'b', 'a'])
    expect(await updateBurst([], 5, (id) => sent.push(id))).toBe(0)
  })
})

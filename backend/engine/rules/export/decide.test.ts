import {
  array,
  assert,
  constant,
  constantFrom,
  property,
  record,
  shuffledSubarray,
  string,
  tuple,
} from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decideExport, type ExportDecision } from './decide'
import { audiences, changed, exited, john, prepared, realized, update } from './fixtures'

const { deLorean, firstNameJohn, menOver50, backToTheFuture, sciFiFans } = audiences
const flow = prepared()

const exportOf = (decision: ExportDecision) => {
  if (decision.kind !== 'export') throw new Error(`expected an export, got ${decision.kind}`)
  return decision
}

const qualifiesForDeLorean = changed(john, (draft) => {
  draft.segmentMembership.ups[deLorean.id] = realized('2022-01-11T23:37:33Z')
})

describe('decideExport: audience membership trigger', () => {
  it('exports a profile that qualifies for a mapped audience (none → realized)', () => {
    const decision = exportOf(decideExport(update(john, qualifiesForDeLorean), flow))

    expect(decision.reasons).toEqual([
      { trigger: 'segment', audienceId: deLorean.id, from: 'none', to: 'realized' },
    ])
  })

  it('exports a profile that exits a mapped audience, with the status exited', () => {
    const after = changed(john, (draft) => {
      draft.segmentMembership.ups[firstNameJohn.id] = exited('2022-02-01T08:00:00Z')
    })

    const decision = exportOf(decideExport(update(john, after), flow))

    expect(decision.reasons).toEqual([
      { trigger: 'segment', audienceId: firstNameJohn.id, from: 'realized', to: 'exited' },
    ])
    expect(decision.payload.segmentMembership.ups[firstNameJohn.id]).toEqual({
      lastQualificationTime: '2022-02-01T08:00:00Z',
      status: 'exited',
    })
  })

  it('exports a profile that qualifies again (exited → realized)', () => {
    const before = changed(john, (draft) => {
      draft.segmentMembership.ups[deLorean.id] = exited('2021-12-01T10:00:00Z')
    })

    const decision = exportOf(decideExport(update(before, qualifiesForDeLorean), flow))

    expect(decision.reasons).toEqual([
      { trigger: 'segment', audienceId: deLorean.id, from: 'exited', to: 'realized' },
    ])
  })

  it('does not count a new lastQualificationTime with the same status as a change', () => {
    const after = changed(john, (draft) => {
      draft.segmentMembership.ups[firstNameJohn.id] = realized('2022-03-03T03:03:03Z')
    })

    expect(decideExport(update(john, after), flow)).toEqual({
      kind: 'excluded',
      reason: 'no-relevant-change',
    })
  })

  it('ignores membership changes in unmapped audiences', () => {
    const after = changed(john, (draft) => {
      draft.segmentMembership.ups[sciFiFans.id] = realized('2022-03-03T03:03:03Z')
    })

    expect(decideExport(update(john, after), flow)).toEqual({
      kind: 'excluded',
      reason: 'no-relevant-change',
    })
  })
})

const withIdentities = (entries: readonly { namespace: string; id: string }[]) =>
  changed(john, (draft) => {
    draft.identityMap = {}
    for (const { namespace, id } of entries) (draft.identityMap[namespace] ??= []).push({ id })
  })

describe('decideExport: identity trigger', () => {
  it('exports when an identity is added', () => {
    const after = changed(john, (draft) => {
      draft.identityMap.phone = [{ id: '+15555550123' }]
    })

    const decision = exportOf(decideExport(update(john, after), flow))

    expect(decision.reasons).toEqual([
      { trigger: 'identity', added: ['phone:+15555550123'], removed: [] },
    ])
  })

  it('exports when an identity is removed', () => {
    const after = changed(john, (draft) => {
      draft.identityMap.ecid = [{ id: '14575006536349286404619648085736425115', primary: true }]
    })

    const decision = exportOf(decideExport(update(john, after), flow))

    expect(decision.reasons).toEqual([
      { trigger: 'identity', added: [], removed: ['ecid:66478888669296734530114754794777368480'] },
    ])
  })

  it('does not count reordered identities or a moved primary flag as a change', () => {
    const after = changed(john, (draft) => {
      draft.identityMap = {
        email_lc_sha256: john.identityMap.email_lc_sha256,
        ecid: [
          { id: '66478888669296734530114754794777368480', primary: true },
          { id: '14575006536349286404619648085736425115' },
        ],
      }
    })

    expect(decideExport(update(john, after), flow)).toEqual({
      kind: 'excluded',
      reason: 'no-relevant-change',
    })
  })

  it('never sees a change in a permutation of the same identities (property)', () => {
    const identity = record({
      namespace: constantFrom('ecid', 'email_lc_sha256', 'phone'),
      id: string({ minLength: 1, maxLength: 6 }),
    })
    const entriesAndPermutation = array(identity, { maxLength: 8 }).chain((entries) =>
      tuple(
        constant(entries),
        shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }),
      ),
    )
    assert(
      property(entriesAndPermutation, ([entries, permutation]) => {
        const decision = decideExport(
          update(withIdentities(entries), withIdentities(permutation)),
          flow,
        )
        expect(decision).toEqual({ kind: 'excluded', reason: 'no-relevant-change' })
      }),
    )
  })
})

describe('decideExport: mapped attribute trigger', () => {
  it('exports when a mapped attribute gets a new value', () => {
    const after = changed(john, (draft) => {
      draft.attributes.personalEmail = { address: 'jdoe@acme.com' }
    })

    const decision = exportOf(decideExport(update(john, after, ['personalEmail.address']), flow))

    expect(decision.reasons).toEqual([{ trigger: 'attribute', path: 'personalEmail.address' }])
    expect(decision.payload.personalEmail).toEqual({ address: 'jdoe@acme.com' })
  })

  it('exports when a mapped attribute is overwritten with the same value', () => {
    const decision = exportOf(decideExport(update(john, john, ['person.name.firstName']), flow))

    expect(decision.reasons).toEqual([{ trigger: 'attribute', path: 'person.name.firstName' }])
  })

  it('counts a write to a parent path as a write of the mapped paths under it', () => {
    const decision = exportOf(decideExport(update(john, john, ['person.name']), flow))

    expect(decision.reasons).toEqual([
      { trigger: 'attribute', path: 'person.name.firstName' },
      { trigger: 'attribute', path: 'person.name.lastName' },
    ])
  })

  it('counts a write to a child path as a write of the mapped parent', () => {
    const withAddress = prepared({ mappedAttributes: ['homeAddress'] })

    const decision = exportOf(decideExport(update(john, john, ['homeAddress.city']), withAddress))

    expect(decision.reasons).toEqual([{ trigger: 'attribute', path: 'homeAddress' }])
  })

  it('does not export when only an unmapped attribute changes', () => {
    const after = changed(john, (draft) => {
      draft.attributes.loyalty = { tier: 'platinum', points: 20000 }
    })

    expect(decideExport(update(john, after, ['loyalty.tier', 'loyalty.points']), flow)).toEqual({
      kind: 'excluded',
      reason: 'no-relevant-change',
    })
  })

  it('does not take a path that only starts with the same letters for a child', () => {
    expect(decideExport(update(john, john, ['person.birthDateVerified']), flow)).toEqual({
      kind: 'excluded',
      reason: 'no-relevant-change',
    })
  })
})

describe('decideExport: scope', () => {
  it('leaves out a profile that was never in a mapped audience', () => {
    const stranger = changed(john, (draft) => {
      draft.segmentMembership.ups = { [backToTheFuture.id]: realized('2021-08-25T23:37:33Z') }
    })
    const after = changed(stranger, (draft) => {
      draft.identityMap.phone = [{ id: '+15555550123' }]
    })

    expect(decideExport(update(stranger, after, ['person.name.firstName']), flow)).toEqual({
      kind: 'out-of-scope',
    })
  })

  it('leaves out a profile that exited a mapped audience in an earlier update', () => {
    const former = changed(john, (draft) => {
      draft.segmentMembership.ups = { [firstNameJohn.id]: exited('2021-06-01T00:00:00Z') }
    })

    expect(decideExport(update(former, former, ['person.name.firstName']), flow)).toEqual({
      kind: 'out-of-scope',
    })
  })

  it('keeps in scope a profile that exits its only mapped audience in this update', () => {
    const after = changed(john, (draft) => {
      draft.segmentMembership.ups[firstNameJohn.id] = exited('2022-02-01T08:00:00Z')
    })

    expect(decideExport(update(john, after), flow).kind).toBe('export')
  })
})

describe('decideExport: several reasons and edge cases', () => {
  it('reports every reason that applies: segments, then identities, then attributes', () => {
    const after = changed(qualifiesForDeLorean, (draft) => {
      draft.segmentMembership.ups[menOver50.id] = realized('2022-01-11T23:37:33Z')
      draft.identityMap.phone = [{ id: '+15555550123' }]
    })

    const decision = exportOf(
      decideExport(update(john, after, ['person.birthDate', 'loyalty.points']), flow),
    )

    expect(decision.reasons).toEqual([
      { trigger: 'segment', audienceId: deLorean.id, from: 'none', to: 'realized' },
      { trigger: 'segment', audienceId: menOver50.id, from: 'none', to: 'realized' },
      { trigger: 'identity', added: ['phone:+15555550123'], removed: [] },
      { trigger: 'attribute', path: 'person.birthDate' },
    ])
  })

  it('exports a profile created already qualified, with all its identities added', () => {
    const decision = exportOf(
      decideExport(update(null, john, ['person', 'personalEmail', 'loyalty']), flow),
    )

    expect(decision.reasons).toEqual([
      { trigger: 'segment', audienceId: firstNameJohn.id, from: 'none', to: 'realized' },
      {
        trigger: 'identity',
        added: [
          'ecid:14575006536349286404619648085736425115',
          'ecid:66478888669296734530114754794777368480',
          'email_lc_sha256:836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f',
        ],
        removed: [],
      },
      { trigger: 'attribute', path: 'person.name.firstName' },
      { trigger: 'attribute', path: 'person.name.lastName' },
      { trigger: 'attribute', path: 'person.birthDate' },
      { trigger: 'attribute', path: 'personalEmail.address' },
    ])
  })

  it('excludes a triggered profile with neither a mapped attribute nor an identity', () => {
    const bare = changed(john, (draft) => {
      draft.attributes = { loyalty: { tier: 'gold' } }
      draft.identityMap = {}
    })
    const after = changed(bare, (draft) => {
      draft.segmentMembership.ups[deLorean.id] = realized('2022-01-11T23:37:33Z')
    })

    expect(decideExport(update(bare, after), flow)).toEqual({
      kind: 'excluded',
      reason: 'no-mapped-data',
    })
  })
})

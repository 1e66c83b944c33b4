import { describe, expect, it } from 'vitest'
import { decideBackfill } from './backfill'
import { audiences, changed, exited, john, mapped, prepared, realized } from './fixtures'

const { deLorean, firstNameJohn, menOver50, backToTheFuture, goldLoyalty } = audiences

/** The doc's dataflow after "Customers with DeLorean Cars" and "Men over 50" were added to it. */
const flow = prepared({ includeSegmentNames: true })

const inBoth = changed(john, (draft) => {
  draft.segmentMembership.ups[deLorean.id] = realized('2021-11-20T10:00:00Z')
  draft.segmentMembership.ups[menOver50.id] = realized('2021-12-01T10:00:00Z')
  draft.segmentMembership.ups[goldLoyalty.id] = realized('2021-12-02T10:00:00Z')
})

describe('decideBackfill', () => {
  it('exports a profile already qualified for an added audience', () => {
    const decision = decideBackfill(inBoth, flow, [deLorean.id])

    expect(decision).toEqual({
      kind: 'export',
      reasons: [{ trigger: 'backfill', audienceId: deLorean.id }],
      payload: {
        person: { name: { firstName: 'John', lastName: 'Doe' }, birthDate: '1968-06-12' },
        personalEmail: { address: 'john.doe@acme.com' },
        segmentMembership: {
          ups: {
            [firstNameJohn.id]: {
              lastQualificationTime: '2022-01-02T23:37:33Z',
              status: 'realized',
              name: 'First name equals John',
            },
            [backToTheFuture.id]: {
              lastQualificationTime: '2021-08-25T23:37:33Z',
              status: 'realized',
            },
            [deLorean.id]: {
              lastQualificationTime: '2021-11-20T10:00:00Z',
              status: 'realized',
              name: 'Customers with DeLorean Cars',
            },
          },
        },
        identityMap: {
          ecid: [
            { id: '14575006536349286404619648085736425115' },
            { id: '66478888669296734530114754794777368480' },
          ],
          email_lc_sha256: [
            { id: '836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f' },
          ],
        },
      },
    })
  })

  it('reports each added audience the profile qualifies for, with their merge policies', () => {
    const decision = decideBackfill(inBoth, flow, [deLorean.id, menOver50.id])

    expect(decision.kind === 'export' && decision.reasons).toEqual([
      { trigger: 'backfill', audienceId: deLorean.id },
      { trigger: 'backfill', audienceId: menOver50.id },
    ])
    expect(
      decision.kind === 'export' && Object.keys(decision.payload.segmentMembership.ups),
    ).toEqual([firstNameJohn.id, backToTheFuture.id, deLorean.id, menOver50.id, goldLoyalty.id])
  })

  it('leaves out a profile not qualified for any added audience', () => {
    const exitedDeLorean = changed(john, (draft) => {
      draft.segmentMembership.ups[deLorean.id] = exited('2021-11-20T10:00:00Z')
    })

    expect(decideBackfill(exitedDeLorean, flow, [deLorean.id])).toEqual({ kind: 'out-of-scope' })
    expect(decideBackfill(john, flow, [menOver50.id])).toEqual({ kind: 'out-of-scope' })
  })

  it('ignores an added audience the activation does not map', () => {
    expect(decideBackfill(john, flow, [backToTheFuture.id])).toEqual({ kind: 'out-of-scope' })
  })

  it('does not backfill a profile for audiences mapped before, only for the added ones', () => {
    const onlyJohnMapped = prepared({ mappedAudiences: [mapped(firstNameJohn), mapped(deLorean)] })

    expect(decideBackfill(john, onlyJohnMapped, [deLorean.id])).toEqual({ kind: 'out-of-scope' })
  })

  it('excludes a qualified profile with neither a mapped attribute nor an identity', () => {
    const bare = changed(inBoth, (draft) => {
      draft.attributes = { loyalty: { tier: 'gold' } }
      draft.identityMap = {}
    })

    expect(decideBackfill(bare, flow, [deLorean.id])).toEqual({
      kind: 'excluded',
      reason: 'no-mapped-data',
    })
  })
})

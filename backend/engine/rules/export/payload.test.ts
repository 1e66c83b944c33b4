import {
  array,
  assert,
  boolean,
  constant,
  constantFrom,
  dictionary,
  integer,
  letrec,
  oneof,
  property,
  string,
} from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { XdmValue } from '../../../../contracts/profile'
import { decideExport } from './decide'
import { audiences, changed, exited, john, mapped, prepared, realized, update } from './fixtures'
import { buildPayload, payloadWithData } from './payload'
import { isXdmObject } from './xdm-path'

const { deLorean, firstNameJohn, menOver50, backToTheFuture, sciFiFans, goldLoyalty } = audiences

/** John's payload when he qualifies for "Customers with DeLorean Cars" on the given activation. */
const deLoreanPayload = (flow = prepared()) =>
  buildPayload(john, flow, { audienceIds: [deLorean.id], mergePolicyIds: [deLorean.mergePolicyId] })

const leavesOf = (value: unknown, prefix: string): string[] =>
  isXdmObject(value)
    ? Object.entries(value).flatMap(([key, child]) => leavesOf(child, `${prefix}.${key}`))
    : [prefix]

const covers = (mappedPath: string, path: string) =>
  path === mappedPath || path.startsWith(`${mappedPath}.`)

const entries = (names: boolean, timestamps: boolean) =>
  deLoreanPayload(prepared({ includeSegmentNames: names, includeSegmentTimestamps: timestamps }))
    .segmentMembership.ups

const johnInDeLorean = changed(john, (draft) => {
  draft.segmentMembership.ups[deLorean.id] = realized('2022-01-11T23:37:33Z')
})

describe('buildPayload: attributes', () => {
  it('exports only the mapped attributes, nested as in XDM', () => {
    const payload = deLoreanPayload()

    expect(payload.person).toEqual({
      name: { firstName: 'John', lastName: 'Doe' },
      birthDate: '1968-06-12',
    })
    expect(payload.personalEmail).toEqual({ address: 'john.doe@acme.com' })
    expect(payload.loyalty).toBeUndefined()
    expect(payload.homeAddress).toBeUndefined()
  })

  it('omits a mapped attribute the profile lacks or holds as null', () => {
    const profile = changed(john, (draft) => {
      draft.attributes.person = { name: { firstName: 'John', lastName: null } }
      delete draft.attributes.personalEmail
    })

    const payload = buildPayload(profile, prepared(), { audienceIds: [], mergePolicyIds: [] })

    expect(Object.keys(payload)).toEqual(['person', 'segmentMembership', 'identityMap'])
    expect(payload.person).toEqual({ name: { firstName: 'John' } })
  })

  it('copies the subtree of a mapped object path, once, even when a child is mapped too', () => {
    const flow = prepared({ mappedAttributes: ['homeAddress.city', 'person.name', 'homeAddress'] })
    const payload = buildPayload(john, flow, { audienceIds: [], mergePolicyIds: [] })

    expect(payload.homeAddress).toEqual({ city: 'Hill Valley', country: 'US' })
    expect(payload.person).toEqual({ name: { firstName: 'John', lastName: 'Doe' } })
    expect(Object.keys(payload)).toEqual([
      'homeAddress',
      'person',
      'segmentMembership',
      'identityMap',
    ])
  })

  it('copies values, so the payload does not share objects with the profile', () => {
    const flow = prepared({ mappedAttributes: ['person.name'] })
    const copied = buildPayload(john, flow, { audienceIds: [], mergePolicyIds: [] }).person
    const stored = john.attributes.person

    expect(copied).toEqual({ name: { firstName: 'John', lastName: 'Doe' } })
    expect(isXdmObject(copied) && isXdmObject(stored) && copied.name !== stored.name).toBe(true)
  })

  it('never exports a leaf outside the mapped paths (property)', () => {
    const segment = constantFrom('person', 'name', 'firstName', 'city', 'tier')
    const leaf = oneof(string(), integer(), boolean(), constant(null))
    const tree = letrec<{ node: XdmValue }>((tie) => ({
      node: oneof({ depthSize: 'small' }, leaf, dictionary(segment, tie('node'), { maxKeys: 3 })),
    })).node
    const path = array(segment, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('.'))
    assert(
      property(
        dictionary(segment, tree, { maxKeys: 3 }),
        array(path, { maxLength: 4 }),
        (attributes, mappedAttributes) => {
          const payload = buildPayload({ ...john, attributes }, prepared({ mappedAttributes }), {
            audienceIds: [],
            mergePolicyIds: [],
          })
          const leaves = Object.keys(payload)
            .filter((key) => key !== 'segmentMembership' && key !== 'identityMap')
            .flatMap((key) => leavesOf(payload[key], key))
          for (const leafPath of leaves) {
            expect(mappedAttributes.some((mappedPath) => covers(mappedPath, leafPath))).toBe(true)
          }
        },
      ),
    )
  })
})

describe('buildPayload: the whole document', () => {
  it('matches the shape of the docs example: attributes, segmentMembership, identityMap', () => {
    const payload = buildPayload(johnInDeLorean, prepared(), {
      audienceIds: [deLorean.id],
      mergePolicyIds: [deLorean.mergePolicyId],
    })

    expect(Object.keys(payload)).toEqual([
      'person',
      'personalEmail',
      'segmentMembership',
      'identityMap',
    ])
    expect(payload).toEqual({
      person: { name: { firstName: 'John', lastName: 'Doe' }, birthDate: '1968-06-12' },
      personalEmail: { address: 'john.doe@acme.com' },
      segmentMembership: {
        ups: {
          [firstNameJohn.id]: { lastQualificationTime: '2022-01-02T23:37:33Z', status: 'realized' },
          [backToTheFuture.id]: {
            lastQualificationTime: '2021-08-25T23:37:33Z',
            status: 'realized',
          },
          [deLorean.id]: { lastQualificationTime: '2022-01-11T23:37:33Z', status: 'realized' },
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
    })
  })

  it('exports every identity of the profile, without the primary flag', () => {
    const profile = changed(john, (draft) => {
      draft.identityMap.phone = [{ id: '+15555550123', primary: false }]
    })

    const payload = buildPayload(profile, prepared(), { audienceIds: [], mergePolicyIds: [] })

    expect(payload.identityMap).toEqual({
      ecid: [
        { id: '14575006536349286404619648085736425115' },
        { id: '66478888669296734530114754794777368480' },
      ],
      email_lc_sha256: [{ id: '836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f' }],
      phone: [{ id: '+15555550123' }],
    })
  })
})

describe('buildPayload: segmentMembership and merge policies', () => {
  it('adds an unmapped realized audience of the same merge policy, without a name', () => {
    const payload = deLoreanPayload(prepared({ includeSegmentNames: true }))

    expect(payload.segmentMembership.ups[backToTheFuture.id]).toEqual({
      lastQualificationTime: '2021-08-25T23:37:33Z',
      status: 'realized',
    })
  })

  it('leaves out an audience of another merge policy, and exited unmapped audiences', () => {
    const profile = changed(johnInDeLorean, (draft) => {
      draft.segmentMembership.ups[goldLoyalty.id] = realized('2022-01-05T12:00:00Z')
      draft.segmentMembership.ups[menOver50.id] = realized('2022-01-05T12:00:00Z')
    })

    const payload = buildPayload(profile, prepared(), {
      audienceIds: [deLorean.id],
      mergePolicyIds: [deLorean.mergePolicyId],
    })

    expect(Object.keys(payload.segmentMembership.ups)).toEqual([
      firstNameJohn.id,
      backToTheFuture.id,
      deLorean.id,
    ])
    expect(payload.segmentMembership.ups[sciFiFans.id]).toBeUndefined()
  })

  it('leaves out memberships of audiences the sandbox does not know', () => {
    const profile = changed(johnInDeLorean, (draft) => {
      draft.segmentMembership.ups['00000000-0000-0000-0000-000000000000'] =
        realized('2022-01-05T12:00:00Z')
    })

    const payload = buildPayload(profile, prepared(), {
      audienceIds: [deLorean.id],
      mergePolicyIds: [deLorean.mergePolicyId],
    })

    expect(payload.segmentMembership.ups).not.toHaveProperty('00000000-0000-0000-0000-000000000000')
  })

  it('on an exit, keeps the exited audience and the realized ones of its merge policy', () => {
    const after = changed(john, (draft) => {
      draft.segmentMembership.ups[firstNameJohn.id] = exited('2022-02-01T08:00:00Z')
    })

    const decision = decideExport(update(john, after), prepared())

    expect(decision.kind === 'export' && decision.payload.segmentMembership.ups).toEqual({
      [firstNameJohn.id]: { lastQualificationTime: '2022-02-01T08:00:00Z', status: 'exited' },
      [backToTheFuture.id]: { lastQualificationTime: '2021-08-25T23:37:33Z', status: 'realized' },
    })
  })

  it('on an audience trigger, leaves out mapped memberships of another merge policy', () => {
    const before = changed(john, (draft) => {
      draft.segmentMembership.ups[menOver50.id] = realized('2021-05-05T05:05:05Z')
    })
    const after = changed(before, (draft) => {
      draft.segmentMembership.ups[deLorean.id] = realized('2022-01-11T23:37:33Z')
    })

    const decision = decideExport(update(before, after), prepared())

    expect(
      decision.kind === 'export' && Object.keys(decision.payload.segmentMembership.ups),
    ).toEqual([firstNameJohn.id, backToTheFuture.id, deLorean.id])
  })

  it('on an identity or attribute trigger, uses the mapped audiences the profile is in', () => {
    const profile = changed(john, (draft) => {
      draft.segmentMembership.ups[menOver50.id] = realized('2021-05-05T05:05:05Z')
      draft.segmentMembership.ups[goldLoyalty.id] = realized('2021-05-06T05:05:05Z')
    })

    const decision = decideExport(update(profile, profile, ['person.birthDate']), prepared())

    expect(
      decision.kind === 'export' && Object.keys(decision.payload.segmentMembership.ups),
    ).toEqual([firstNameJohn.id, backToTheFuture.id, menOver50.id, goldLoyalty.id])
  })
})

describe('buildPayload: Include Segment Names and Include Segment Timestamps', () => {
  it('adds nothing with both toggles off', () => {
    expect(entries(false, false)[firstNameJohn.id]).toEqual({
      lastQualificationTime: '2022-01-02T23:37:33Z',
      status: 'realized',
    })
  })

  it('adds the name of mapped audiences only with Include Segment Names', () => {
    const ups = entries(true, false)

    expect(ups[firstNameJohn.id]).toEqual({
      lastQualificationTime: '2022-01-02T23:37:33Z',
      status: 'realized',
      name: 'First name equals John',
    })
    expect(ups[backToTheFuture.id]).not.toHaveProperty('name')
  })

  it('adds the four timestamps to mapped audiences only with Include Segment Timestamps', () => {
    const ups = entries(false, true)

    expect(ups[firstNameJohn.id]).toEqual({
      lastQualificationTime: '2022-01-02T23:37:33Z',
      status: 'realized',
      createdAt: 1648553325000,
      updatedAt: 1648553330000,
      mappingCreatedAt: 1649856570000,
      mappingUpdatedAt: 1649856570000,
    })
    expect(ups[backToTheFuture.id]).toEqual({
      lastQualificationTime: '2021-08-25T23:37:33Z',
      status: 'realized',
    })
  })

  it('adds both, in the docs example key order', () => {
    const entry = entries(true, true)[firstNameJohn.id]

    expect(Object.keys(entry)).toEqual([
      'lastQualificationTime',
      'status',
      'createdAt',
      'updatedAt',
      'mappingCreatedAt',
      'mappingUpdatedAt',
      'name',
    ])
    expect(entry.name).toBe('First name equals John')
  })

  it('takes the mapping timestamps from the activation mapping', () => {
    const remapped = {
      ...mapped(firstNameJohn),
      mappingCreatedAt: 1650000000000,
      mappingUpdatedAt: 1650000600000,
    }
    const flow = prepared({ mappedAudiences: [remapped], includeSegmentTimestamps: true })

    const entry = buildPayload(john, flow, {
      audienceIds: [firstNameJohn.id],
      mergePolicyIds: [],
    }).segmentMembership.ups[firstNameJohn.id]

    expect([entry.mappingCreatedAt, entry.mappingUpdatedAt]).toEqual([1650000000000, 1650000600000])
  })
})

describe('payloadWithData', () => {
  const selection = { audienceIds: [deLorean.id], mergePolicyIds: [deLorean.mergePolicyId] }

  it('is the payload when the profile has a mapped attribute or an identity', () => {
    const flow = prepared()
    expect(payloadWithData(john, flow, selection)).toEqual(buildPayload(john, flow, selection))
    const identityOnly = changed(john, (draft) => {
      draft.attributes = { loyalty: { tier: 'gold' } }
    })
    expect(payloadWithData(identityOnly, flow, selection)).toEqual(
      buildPayload(identityOnly, flow, selection),
    )
    const attributesOnly = changed(john, (draft) => {
      draft.identityMap = {}
    })
    expect(payloadWithData(attributesOnly, flow, selection)).toEqual(
      buildPayload(attributesOnly, flow, selection),
    )
  })

  it('is null when it would carry neither a mapped attribute nor an identity', () => {
    const bare = changed(john, (draft) => {
      draft.attributes = { loyalty: { tier: 'gold' } }
      draft.identityMap = { ecid: [] }
    })
    expect(payloadWithData(bare, prepared(), selection)).toBeNull()
  })
})

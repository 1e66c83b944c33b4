import { describe, expect, it } from 'vitest'
import { SAMPLE_AUDIENCE, samplePayload } from './sample-payload'

const membership = (payload: Record<string, unknown>) =>
  (payload.segmentMembership as { ups: Record<string, Record<string, unknown>> }).ups[
    SAMPLE_AUDIENCE.id
  ]

describe('samplePayload', () => {
  it('carries the status and qualification time, the attributes and the identities', () => {
    const payload = samplePayload({ includeSegmentNames: false, includeSegmentTimestamps: false })
    expect(membership(payload)).toEqual({
      lastQualificationTime: '2026-11-26T09:00:00Z',
      status: 'realized',
    })
    expect(payload).toMatchObject({
      person: { name: { firstName: 'John', lastName: 'Doe' } },
      identityMap: { ecid: [{ id: expect.any(String) }] },
    })
  })

  it('adds the audience name with Include Segment Names', () => {
    const payload = samplePayload({ includeSegmentNames: true, includeSegmentTimestamps: false })
    expect(membership(payload)).toMatchObject({ name: 'First name equals John' })
    expect(membership(payload)).not.toHaveProperty('createdAt')
  })

  it('adds the four UNIX millisecond timestamps with Include Segment Timestamps', () => {
    const payload = samplePayload({ includeSegmentNames: false, includeSegmentTimestamps: true })
    const value = membership(payload)
    expect(value).not.toHaveProperty('name')
    for (const key of ['createdAt', 'updatedAt', 'mappingCreatedAt', 'mappingUpdatedAt']) {
      expect(value?.[key]).toEqual(expect.any(Number))
      expect(String(value?.[key])).toHaveLength(13)
    }
  })
})

/** The example audience of the request preview: the docs' "First name equals John" (a demo audience). */
export const SAMPLE_AUDIENCE = {
  id: '5b998cb9-9488-4ec3-8d95-fa8338ced490',
  name: 'First name equals John',
  createdAt: 1_764_061_200_000,
  updatedAt: 1_764_147_600_000,
}

const MAPPED_AT = 1_764_151_200_000

/**
 * An example of the JSON the HTTP API destination exports for one profile, shaped like AEP's
 * documented example: mapped attributes nested as in XDM, the audience membership (with its
 * name and the UNIX-millisecond timestamps when the toggles ask for them) and every identity.
 */
export function samplePayload(options: {
  includeSegmentNames: boolean
  includeSegmentTimestamps: boolean
}): Record<string, unknown> {
  const membership: Record<string, unknown> = {
    lastQualificationTime: '2026-11-26T09:00:00Z',
    status: 'realized',
  }
  if (options.includeSegmentNames) membership.name = SAMPLE_AUDIENCE.name
  if (options.includeSegmentTimestamps) {
    membership.createdAt = SAMPLE_AUDIENCE.createdAt
    membership.updatedAt = SAMPLE_AUDIENCE.updatedAt
    membership.mappingCreatedAt = MAPPED_AT
    membership.mappingUpdatedAt = MAPPED_AT
  }
  return {
    person: { name: { firstName: 'John', lastName: 'Doe' } },
    personalEmail: { address: 'john.doe@example.com' },
    segmentMembership: { ups: { [SAMPLE_AUDIENCE.id]: membership } },
    identityMap: {
      ecid: [{ id: '14575006536349286404619648085736425115' }],
      email_lc_sha256: [{ id: '836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f' }],
    },
  }
}

import { describe, expect, it } from 'vitest'
import { maskAuthorization, maskForm, maskHeaderRecord, maskJsonSecrets } from './masking'

describe('masking', () => {
  it('masks the credentials of an Authorization value, keeping the scheme', () => {
    expect(maskAuthorization('Bearer abcdefghijklmnop')).toBe('Bearer ••••••mnop')
    expect(maskAuthorization('Basic short')).toBe('Basic ••••••')
    expect(maskHeaderRecord({ authorization: 'Bearer abcdefghijklmnop', 'x-a': 'b' })).toEqual({
      authorization: 'Bearer ••••••mnop',
      'x-a': 'b',
    })
  })

  it('masks secrets of a token request form and of a token answer', () => {
    expect(maskForm('grant_type=password&username=u&password=p&client_secret=s')).toBe(
      'grant_type=password&username=u&password=••••••&client_secret=••••••',
    )
    expect(
      JSON.parse(maskJsonSecrets('{"access_token":"abcdefghijklmnop","expires_in":300}')),
    ).toEqual({
      access_token: '••••••mnop',
      expires_in: 300,
    })
    expect(maskJsonSecrets('not json')).toBe('not json')
  })
})

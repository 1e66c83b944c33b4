import { describe, expect, it } from 'vitest'
import { checkHttpUrl } from './url'

const field = { label: 'HTTP endpoint', example: 'https://webhook.example/profiles' }

describe('checkHttpUrl', () => {
  it('accepts http and https URLs', () => {
    const check = checkHttpUrl(' https://webhook.example/profiles?a=1 ', field)
    expect(check.ok && check.url.href).toBe('https://webhook.example/profiles?a=1')
    expect(checkHttpUrl('http://localhost:8080', field).ok).toBe(true)
  })

  it.each([
    ['', 'Enter the HTTP endpoint.'],
    ['   ', 'Enter the HTTP endpoint.'],
    [
      'webhook.example/profiles',
      'Enter the HTTP endpoint as a full URL, such as https://webhook.example/profiles.',
    ],
    [
      'https://',
      'Enter the HTTP endpoint as a full URL, such as https://webhook.example/profiles.',
    ],
    ['ftp://files.example/in', 'The HTTP endpoint must start with http:// or https://.'],
    [
      'https://user:pass@webhook.example/',
      'The HTTP endpoint cannot contain a user name or password.',
    ],
    [
      'https://webhook.example/#top',
      'The HTTP endpoint cannot contain a fragment (the part after #).',
    ],
    [
      'https://webhook.example/#',
      'The HTTP endpoint cannot contain a fragment (the part after #).',
    ],
  ])('rejects %j', (value, message) => {
    expect(checkHttpUrl(value, field)).toEqual({ ok: false, message })
  })
})

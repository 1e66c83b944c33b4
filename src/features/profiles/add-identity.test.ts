import { describe, expect, it } from 'vitest'
import { addIdentitySchema } from './add-identity'

const existing = { email: [{ id: 'john@example.com', primary: false }] }

const messages = (input: { namespace: string; value: string }) => {
  const result = addIdentitySchema(existing).safeParse(input)
  return result.success
    ? result.data
    : Object.fromEntries(result.error.issues.map((issue) => [issue.path[0], issue.message]))
}

describe('addIdentitySchema', () => {
  it('accepts a new identity of a known namespace, trimmed', () => {
    expect(messages({ namespace: ' email ', value: ' jane@example.com ' })).toEqual({
      namespace: 'email',
      value: 'jane@example.com',
    })
  })

  it('names the field of each problem', () => {
    expect(messages({ namespace: '', value: '' })).toEqual({
      namespace: 'Choose an identity namespace.',
      value: 'Enter the identity value.',
    })
    expect(messages({ namespace: 'email', value: 'john@example.com' })).toEqual({
      value: 'The profile already has the email identity john@example.com.',
    })
  })

  it("checks the value against its namespace's form, and an unknown namespace alone", () => {
    expect(messages({ namespace: 'phone', value: '4155550100' })).toEqual({
      value: 'Enter the number in E.164 form, like +14155550100.',
    })
    expect(messages({ namespace: 'constructor', value: 'x' })).toEqual({
      namespace: expect.stringMatching(/^Unknown identity namespace/),
    })
  })
})

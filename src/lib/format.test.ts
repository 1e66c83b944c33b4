import { describe, expect, it } from 'vitest'
import { formatCount } from './format'

describe('formatCount', () => {
  it('puts the noun in the number of its count', () => {
    expect(formatCount(1, 'profile', 'profiles')).toBe('1 profile')
    expect(formatCount(0, 'profile', 'profiles')).toBe('0 profiles')
    expect(formatCount(2, 'profile', 'profiles')).toBe('2 profiles')
    expect(formatCount(12_500, 'profile', 'profiles')).toBe('12,500 profiles')
  })
})

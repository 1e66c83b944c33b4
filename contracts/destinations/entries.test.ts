import { describe, expect, it } from 'vitest'
import { percentDecode, splitEntries } from './entries'

describe('splitEntries', () => {
  it('trims entries and drops empty ones at the end', () => {
    expect(splitEntries(' a , b ,, ', ',')).toEqual(['a', 'b'])
  })

  it('keeps empty entries before the end', () => {
    expect(splitEntries(',a,,b', ',')).toEqual(['', 'a', '', 'b'])
  })

  it('gives no entries for an empty list', () => {
    expect(splitEntries('', '&')).toEqual([])
  })
})

describe('percentDecode', () => {
  it('decodes UTF-8 escapes', () => {
    expect(percentDecode('a%2Cb%C3%A9')).toBe('a,bé')
  })

  it.each(['%', '%zz', '50%', '%FF', '%E0%A4%A'])('returns null for %s', (value) => {
    expect(percentDecode(value)).toBeNull()
  })
})

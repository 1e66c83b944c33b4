import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DAY_MS, isoDate, yearsBefore } from './calendar'

describe('yearsBefore', () => {
  it('is the same calendar day, years earlier', () => {
    expect(isoDate(yearsBefore(Date.UTC(2026, 10, 26), 50))).toBe('1976-11-26')
    expect(isoDate(yearsBefore(Date.UTC(2026, 10, 26, 23, 59, 59), 18))).toBe('2008-11-26')
    expect(isoDate(yearsBefore(Date.UTC(2026, 0, 1), 0))).toBe('2026-01-01')
  })

  it('moves February 29 to February 28 in years without one', () => {
    expect(isoDate(yearsBefore(Date.UTC(2024, 1, 29), 1))).toBe('2023-02-28')
    expect(isoDate(yearsBefore(Date.UTC(2024, 1, 29), 4))).toBe('2020-02-29')
  })
})

describe('isoDate', () => {
  it('formats days since the epoch as YYYY-MM-DD', () => {
    expect(isoDate(0)).toBe('1970-01-01')
    expect(isoDate(-1)).toBe('1969-12-31')
    expect(isoDate(Date.UTC(2000, 1, 29) / DAY_MS)).toBe('2000-02-29')
  })

  it('agrees with Date from 0001-01-01 (day -719162) to 9999-12-31 (day 2932896)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -719_162, max: 2_932_896 }), (day) => {
        const expected = new Date(day * DAY_MS).toISOString().slice(0, 10)
        expect(isoDate(day)).toBe(expected)
      }),
    )
  })
})

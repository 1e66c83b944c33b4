/** Calendar arithmetic on UTC days, for birth dates and date literals in audience rules. */

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000

/**
 * The UTC calendar day `years` years before the instant `now`, as days since 1970-01-01. February 29
 * falls back to February 28 in years without one.
 */
export function yearsBefore(now: number, years: number): number {
  const today = new Date(now)
  const date = new Date(0)
  date.setUTCFullYear(today.getUTCFullYear() - years, today.getUTCMonth(), today.getUTCDate())
  const day = date.getTime() / DAY_MS
  return date.getUTCMonth() === today.getUTCMonth() ? day : day - 1
}

const TWO_DIGITS = Array.from({ length: 32 }, (_, n) => String(n).padStart(2, '0'))

/**
 * A day counted from 1970-01-01 as an ISO date, `YYYY-MM-DD`, for years 0 to 9999. Plain
 * arithmetic (H. Hinnant's civil-from-days), fast enough to run once per generated profile.
 */
export function isoDate(epochDay: number): string {
  const days = epochDay + 719_468
  const era = Math.floor(days / 146_097)
  const dayOfEra = days - era * 146_097
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  )
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  return `${String(year).padStart(4, '0')}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}`
}

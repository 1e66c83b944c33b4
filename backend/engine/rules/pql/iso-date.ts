const MS_PER_MINUTE = 60_000
const MS_PER_DAY = 86_400_000

/** Reads `length` ASCII digits at `start` as a number, or -1 when any of them is not a digit. */
function digits(text: string, start: number, length: number): number {
  let value = 0
  for (let index = start; index < start + length; index++) {
    const digit = text.charCodeAt(index) - 48
    if (!(digit >= 0 && digit <= 9)) return -1
    value = value * 10 + digit
  }
  return value
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const shiftedYear = month <= 2 ? year - 1 : year
  const era = Math.floor(shiftedYear / 400)
  const yearOfEra = shiftedYear - era * 400
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

/** Reads a zone designator at `start` to the end of the text: `Z`, `±HH`, `±HHMM` or `±HH:MM`. */
function zoneOffsetMinutes(text: string, start: number): number {
  const rest = text.length - start
  if (rest === 0) return 0
  const sign = text[start]
  if (sign === 'Z') return rest === 1 ? 0 : Number.NaN
  if (sign !== '+' && sign !== '-') return Number.NaN
  const minuteStart = text[start + 3] === ':' ? start + 4 : start + 3
  if (rest !== 3 && minuteStart + 2 !== text.length) return Number.NaN
  const hours = digits(text, start + 1, 2)
  const minutes = rest === 3 ? 0 : digits(text, minuteStart, 2)
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return Number.NaN
  return (sign === '-' ? -1 : 1) * (hours * 60 + minutes)
}

/**
 * The instant (UNIX milliseconds) of an ISO 8601 date `YYYY-MM-DD` (midnight UTC) or date-time
 * `YYYY-MM-DDTHH:MM[:SS[.fraction]][zone]` (no zone means UTC), or NaN when the text is not one.
 * Independent of the local time zone; fractions beyond milliseconds are truncated. Allocates
 * nothing, since audiences compare attribute strings with it on every evaluation.
 */
export function parseIsoInstant(text: string): number {
  if (text.length < 10 || text[4] !== '-' || text[7] !== '-') return Number.NaN
  const year = digits(text, 0, 4)
  const month = digits(text, 5, 2)
  const day = digits(text, 8, 2)
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return Number.NaN
  }
  const midnight = daysFromCivil(year, month, day) * MS_PER_DAY
  if (text.length === 10) return midnight
  if (text[10] !== 'T' || text[13] !== ':') return Number.NaN
  const hours = digits(text, 11, 2)
  const minutes = digits(text, 14, 2)
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return Number.NaN
  let position = 16
  let seconds = 0
  let milliseconds = 0
  if (text[position] === ':') {
    seconds = digits(text, position + 1, 2)
    if (seconds < 0 || seconds > 59) return Number.NaN
    position += 3
    if (text[position] === '.') {
      position++
      const fractionStart = position
      while (position < text.length && digits(text, position, 1) >= 0) {
        if (position < fractionStart + 3)
          milliseconds = milliseconds * 10 + digits(text, position, 1)
        position++
      }
      const fractionLength = position - fractionStart
      if (fractionLength === 0) return Number.NaN
      for (let padding = fractionLength; padding < 3; padding++) milliseconds *= 10
    }
  }
  const offset = zoneOffsetMinutes(text, position)
  if (Number.isNaN(offset)) return Number.NaN
  return midnight + (hours * 60 + minutes - offset) * MS_PER_MINUTE + seconds * 1000 + milliseconds
}

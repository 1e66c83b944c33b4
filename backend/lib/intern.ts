/** Returns a string equal to `value`, the same one for equal values it has seen lately. */
export type Interner = <T extends string>(value: T) => T

/**
 * Shares equal strings. Data read back from storage holds a copy of every string value (100,000
 * profiles read back hold 100,000 copies of `realized`); passing the values through an interner
 * keeps one. It remembers at most `limit` strings, then starts over, so unique values (names,
 * emails) never pile up in it.
 */
export function createInterner(limit = 4096): Interner {
  let seen = new Map<string, string>()
  return <T extends string>(value: T): T => {
    const found = seen.get(value) as T | undefined
    if (found !== undefined) return found
    if (seen.size >= limit) seen = new Map()
    seen.set(value, value)
    return value
  }
}

/** Replaces, in place, every string value of a JSON tree (not keys) with its interned copy. */
export function internStrings(value: unknown, intern: Interner): void {
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index]
      if (typeof item === 'string') value[index] = intern(item)
      else internStrings(item, intern)
    }
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>
    for (const key in record) {
      const item = record[key]
      if (typeof item === 'string') record[key] = intern(item)
      else internStrings(item, intern)
    }
  }
}

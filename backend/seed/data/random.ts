/**
 * A seeded pseudo-random source (sfc32, seeded through a 32-bit integer hash). Only 32-bit integer
 * arithmetic (`Math.imul`, shifts) is used, so a seed gives the same sequence on every platform.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max], both ends included (32-bit resolution over wider spans). */
  int(min: number, max: number): number
  /** One element of a non-empty list, each equally likely. */
  pick<T>(items: readonly T[]): T
  /** True with probability `p`. */
  chance(p: number): boolean
  /** One value of `[value, weight]` entries, chosen in proportion to the (non-negative) weights. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T
}

const mix32 = (value: number): number => {
  let x = value | 0
  x ^= x >>> 16
  x = Math.imul(x, 0x7feb352d)
  x ^= x >>> 15
  x = Math.imul(x, 0x846ca68b)
  x ^= x >>> 16
  return x >>> 0
}

const low32 = (value: number): number => Math.trunc(value) | 0

const high32 = (value: number): number => Math.floor(Math.trunc(value) / 0x1_0000_0000) | 0

/**
 * A 32-bit unsigned hash of a list of integers. For fixed earlier values it is a bijection of the
 * last one (within 32 bits), so `hash32(seed, index)` never repeats for distinct 32-bit indexes.
 */
export const hash32 = (...values: readonly number[]): number =>
  values.reduce((hash, value) => mix32(hash ^ mix32(high32(value)) ^ low32(value)), 0x9e3779b9)

/** A generator for `seed` (any safe integer; fractions are truncated). */
export function createRandom(seed: number): Random {
  let a = hash32(seed, 1)
  let b = hash32(seed, 2)
  let c = hash32(seed, 3)
  let d = 1

  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return (t >>> 0) / 0x1_0000_0000
  }
  for (let i = 0; i < 15; i++) next()

  return {
    next,
    int(min, max) {
      if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
        throw new RangeError(`Invalid integer range [${min}, ${max}]`)
      }
      return min + Math.floor(next() * (max - min + 1))
    },
    pick(items) {
      if (items.length === 0) throw new RangeError('Cannot pick from an empty list')
      return items[Math.floor(next() * items.length)]
    },
    chance(p) {
      return next() < p
    },
    weighted(entries) {
      let total = 0
      for (const [, weight] of entries) {
        if (!(weight >= 0 && weight < Infinity)) throw new RangeError(`Invalid weight ${weight}`)
        total += weight
      }
      if (total === 0) throw new RangeError('Weighted choice needs a positive total weight')
      let target = next() * total
      let last = entries[0][0]
      for (const [value, weight] of entries) {
        if (weight <= 0) continue
        if (target < weight) return value
        target -= weight
        last = value
      }
      return last
    },
  }
}

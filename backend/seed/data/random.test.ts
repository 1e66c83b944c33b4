import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createRandom, hash32 } from './random'

const draws = (seed: number, count: number): number[] => {
  const random = createRandom(seed)
  return Array.from({ length: count }, () => random.next())
}

describe('createRandom', () => {
  it('gives the same sequence for the same seed, on every platform', () => {
    expect(draws(42, 3)).toEqual([0.4006003050599247, 0.2746965328697115, 0.27634593681432307])
    expect(draws(7, 500)).toEqual(draws(7, 500))
  })

  it('gives different sequences for different seeds, including seeds beyond 32 bits', () => {
    expect(draws(1, 20)).not.toEqual(draws(2, 20))
    expect(draws(5, 20)).not.toEqual(draws(2 ** 40 + 5, 20))
  })

  it('draws floats in [0, 1)', () => {
    for (const value of draws(3, 10_000)) {
      expect(value).toBeGreaterThanOrEqual(0)
      expect(value).toBeLessThan(1)
    }
  })

  it('draws integers in an inclusive range, reaching both ends', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: -1000, max: 1000 }),
        fc.nat(50),
        (seed, min, span) => {
          const random = createRandom(seed)
          const value = random.int(min, min + span)
          return Number.isInteger(value) && value >= min && value <= min + span
        },
      ),
    )
    const random = createRandom(9)
    const seen = new Set(Array.from({ length: 1000 }, () => random.int(1, 6)))
    expect([...seen].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6])
  })

  it('rejects invalid ranges and empty lists', () => {
    const random = createRandom(1)
    expect(() => random.int(5, 4)).toThrow(RangeError)
    expect(() => random.int(0.5, 4)).toThrow(RangeError)
    expect(() => random.pick([])).toThrow(RangeError)
    expect(() => random.weighted([['a', 0]])).toThrow(RangeError)
    expect(() => random.weighted([['a', -1]])).toThrow(RangeError)
  })

  it('picks every element of a list', () => {
    const random = createRandom(11)
    const items = ['a', 'b', 'c', 'd'] as const
    const seen = new Set(Array.from({ length: 200 }, () => random.pick(items)))
    expect(seen.size).toBe(items.length)
  })

  it('answers chance(p) true about p of the time', () => {
    const random = createRandom(12)
    const hits = Array.from({ length: 20_000 }, () => random.chance(0.3)).filter(Boolean).length
    expect(hits / 20_000).toBeCloseTo(0.3, 1)
    expect(Array.from({ length: 100 }, () => random.chance(0)).some(Boolean)).toBe(false)
    expect(Array.from({ length: 100 }, () => random.chance(1)).every(Boolean)).toBe(true)
  })

  it('chooses weighted entries in proportion to their weights, never a zero weight', () => {
    const random = createRandom(13)
    const counts = { a: 0, b: 0, never: 0, c: 0 }
    const entries: [keyof typeof counts, number][] = [
      ['a', 1],
      ['b', 3],
      ['never', 0],
      ['c', 6],
    ]
    for (let i = 0; i < 20_000; i++) counts[random.weighted(entries)]++
    expect(counts.never).toBe(0)
    expect(counts.a / 20_000).toBeCloseTo(0.1, 1)
    expect(counts.b / 20_000).toBeCloseTo(0.3, 1)
    expect(counts.c / 20_000).toBeCloseTo(0.6, 1)
  })
})

describe('hash32', () => {
  it('is a stable unsigned 32-bit hash', () => {
    expect(hash32(42, 0)).toBe(2431472823)
    expect(hash32(42, 0)).toBe(hash32(42, 0))
    expect(hash32(42, 0)).not.toBe(hash32(0, 42))
    fc.assert(
      fc.property(fc.array(fc.integer()), (values) => {
        const hash = hash32(...values)
        return Number.isInteger(hash) && hash >= 0 && hash < 2 ** 32
      }),
    )
  })

  it('never repeats for distinct last values', () => {
    const hashes = new Set(Array.from({ length: 100_000 }, (_, index) => hash32(7, index, 1)))
    expect(hashes.size).toBe(100_000)
  })
})

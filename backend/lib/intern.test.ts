import { describe, expect, it } from 'vitest'
import { createInterner, internStrings, type Interner } from './intern'

/** An interner that shows which values went through it. */
const upper: Interner = <T extends string>(value: T) => value.toUpperCase() as T

describe('createInterner', () => {
  it('answers every value with an equal string, past its limit too', () => {
    const intern = createInterner(2)
    const values = ['realized', 'exited', 'realized', 'US', 'realized', 'exited']
    expect(values.map((value) => intern(value))).toEqual(values)
  })
})

describe('internStrings', () => {
  it('passes every string value of a JSON tree through the interner, in place, keys aside', () => {
    const tree = {
      person: { name: { firstName: 'john' }, age: 52 },
      vehicles: ['ford', { model: 'delorean' }],
      active: true,
      nothing: null,
    }
    internStrings(tree, upper)
    expect(tree).toEqual({
      person: { name: { firstName: 'JOHN' }, age: 52 },
      vehicles: ['FORD', { model: 'DELOREAN' }],
      active: true,
      nothing: null,
    })
  })
})

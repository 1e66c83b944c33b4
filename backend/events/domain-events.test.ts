import { describe, expect, it } from 'vitest'
import type { Profile } from '../../contracts/profile'
import type { SandboxStore } from '../store/collections'
import { DomainEvents } from './domain-events'

const sandbox = { name: 'prod' } as SandboxStore

describe('DomainEvents', () => {
  it('runs the handlers of the published type only, in subscription order, and returns their answers', () => {
    const events = new DomainEvents()
    const seen: string[] = []
    events.subscribe({
      'audience.changed': (e) => void seen.push(`first ${e.audienceId}`),
      'flow.deleted': () => void seen.push('flow'),
    })
    events.subscribe({
      'audience.changed': (e) => void seen.push(`second ${e.audienceId}`),
      'profile.written': () => [{ flowId: 'f', decision: 'excluded', reason: 'no-mapped-data' }],
    })
    events.publish({ type: 'audience.changed', sandbox, audienceId: 'a' })
    expect(seen).toEqual(['first a', 'second a'])
    const profile = {} as Profile
    const written = { sandbox, before: profile, after: profile, writtenPaths: [] }
    expect(events.publish({ type: 'profile.written', ...written })).toEqual([
      [{ flowId: 'f', decision: 'excluded', reason: 'no-mapped-data' }],
    ])
  })

  it('stops calling a subscriber once it unsubscribed', () => {
    const events = new DomainEvents()
    let calls = 0
    const unsubscribe = events.subscribe({ 'connection.changed': () => void calls++ })
    const event = { type: 'connection.changed', sandbox, kind: 'account', id: 'c' } as const
    events.publish(event)
    unsubscribe()
    events.publish(event)
    expect(calls).toBe(1)
  })
})

import { describe, expect, it } from 'vitest'
import { createEventStreamParser, type ServerSentEvent } from './event-stream'

describe('event stream parser', () => {
  it('parses named and unnamed events across chunk boundaries, skipping comments', () => {
    const events: ServerSentEvent[] = []
    const parse = createEventStreamParser((e) => events.push(e))
    parse(': hello\n\nevent: exp')
    parse('orts\ndata: {"a":')
    parse('1}\n\ndata: one\ndata: two\r\n\r\n')
    expect(events).toEqual([
      { event: 'exports', data: '{"a":1}' },
      { event: 'message', data: 'one\ntwo' },
    ])
  })

  it('waits for the blank line before emitting', () => {
    const events: ServerSentEvent[] = []
    const parse = createEventStreamParser((e) => events.push(e))
    parse('event: heartbeat\ndata: {}\n')
    expect(events).toEqual([])
    parse('\n')
    expect(events).toEqual([{ event: 'heartbeat', data: '{}' }])
  })
})

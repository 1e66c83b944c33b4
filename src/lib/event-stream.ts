/** One server-sent event: its name (`message` when unnamed) and its data lines joined. */
export interface ServerSentEvent {
  event: string
  data: string
}

/**
 * Splits a `text/event-stream` body into events as chunks arrive (the WHATWG format: `event:`
 * and `data:` fields, blank line ends an event, `:` starts a comment). Keeps the unfinished tail
 * between calls.
 */
export function createEventStreamParser(onEvent: (event: ServerSentEvent) => void) {
  let buffer = ''
  let event = ''
  let data: string[] = []
  return (chunk: string) => {
    buffer += chunk
    const lines = buffer.split(/\r\n|\r|\n/)
    buffer = lines.pop() ?? ''
    for (const line of lines) {
      if (line === '') {
        if (data.length) onEvent({ event: event || 'message', data: data.join('\n') })
        event = ''
        data = []
        continue
      }
      if (line.startsWith(':')) continue
      const colon = line.indexOf(':')
      const field = colon < 0 ? line : line.slice(0, colon)
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '')
      if (field === 'event') event = value
      else if (field === 'data') data.push(value)
    }
  }
}

/**
 * Reads a server-sent event stream with fetch (so the request can carry headers, which
 * EventSource cannot), calling `onEvent` for each event until the stream ends or `signal` aborts.
 */
export async function readEventStream(
  response: Response,
  onEvent: (event: ServerSentEvent) => void,
  signal: AbortSignal,
): Promise<void> {
  if (!response.body) return
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
  const parse = createEventStreamParser(onEvent)
  const cancel = () => void reader.cancel()
  signal.addEventListener('abort', cancel, { once: true })
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      parse(value)
    }
  } finally {
    signal.removeEventListener('abort', cancel)
  }
}

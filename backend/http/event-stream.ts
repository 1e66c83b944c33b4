/** Sends one event; false when the stream is closed or its reader has stopped reading. */
export type EventSender = (event: string, data: unknown) => boolean

/** Events queued unread before the client counts as gone (about 10 s of the export stream). */
const MAX_UNREAD = 100

const encoder = new TextEncoder()

/**
 * A `text/event-stream` response written with a ReadableStream, so it works through the service
 * worker and in Node alike (msw's `sse()` does not run in Node). `start` begins sending and
 * returns the function that stops; it runs when the client disconnects, when an event named
 * `closeOn` was sent, and when the client stops reading.
 */
export function eventStream(
  start: (send: EventSender) => () => void,
  closeOn: string,
  headers: Record<string, string> = {},
): Response {
  let closed = false
  let stop: (() => void) | null = null
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const close = () => {
        if (closed) return
        closed = true
        stop?.()
        controller.close()
      }
      const send: EventSender = (event, data) => {
        if (closed) return false
        if ((controller.desiredSize ?? 0) < -MAX_UNREAD) {
          close()
          return false
        }
        controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`))
        if (event === closeOn) close()
        return true
      }
      controller.enqueue(encoder.encode('retry: 3000\n\n'))
      stop = start(send)
      if (closed) stop()
    },
    cancel() {
      closed = true
      stop?.()
    },
  })
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      ...headers,
    },
  })
}

/** Runs `callback` in a new task of the event loop, after pending input and rendering work. */
export type Macrotask = (callback: () => void) => void

function channelMacrotask(): Macrotask {
  const channel = new MessageChannel()
  const queue: (() => void)[] = []
  channel.port1.addEventListener('message', () => queue.shift()?.())
  channel.port1.start()
  return (callback) => {
    queue.push(callback)
    channel.port2.postMessage(null)
  }
}

/**
 * The fastest real yield to the event loop: `setImmediate` in Node, a MessageChannel message in
 * the browser (`setTimeout(0)` is clamped to 4 ms once nested). Long work runs in slices between
 * these, so the page's main thread stays responsive.
 */
export const nextMacrotask: Macrotask =
  typeof setImmediate === 'function'
    ? (callback) => setImmediate(callback)
    : typeof MessageChannel === 'function'
      ? channelMacrotask()
      : (callback) => setTimeout(callback, 0)

/** A random UUID, the id format of every Flow Service resource. */
export const newId = (): string => crypto.randomUUID()

/**
 * A new entity version in AEP's etag format: a UUID-like value wrapped in double quotes, so the
 * JSON body carries `"etag":"\"…\""` and clients send it back verbatim in `If-Match`.
 */
export const newEtag = (): string => {
  const hex = crypto.randomUUID().replaceAll('-', '')
  return `"${hex.slice(0, 8)}-0000-0200-0000-${hex.slice(8, 20)}"`
}

/** The first 24 characters of a random UUID: the prefix of a log's ids (`seqId`). */
export const newIdPrefix = (): string => crypto.randomUUID().slice(0, 24)

/**
 * A UUID-shaped id for entry `seq` of a log: the log's prefix, then `seq` in hexadecimal. Entries
 * keep only their number; the id is made when shown and found again without an index.
 */
export const seqId = (prefix: string, seq: number): string =>
  `${prefix}${seq.toString(16).padStart(12, '0')}`

/** The entry number in an id made by `seqId` with `prefix`, or null. */
export const seqOfId = (prefix: string, id: string): number | null => {
  if (id.length !== 36 || !id.startsWith(prefix) || !/^[0-9a-f]{12}$/.test(id.slice(24))) {
    return null
  }
  return Number.parseInt(id.slice(24), 16)
}

const fnv1a = (text: string, basis: number): number => {
  let hash = basis
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/** A UUID-shaped id that is always the same for the same parts (a dataflow run's id). */
export const stableId = (...parts: readonly (string | number)[]): string => {
  const text = parts.join('\u0000')
  const hex = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b]
    .map((basis) => fnv1a(text, basis).toString(16).padStart(8, '0'))
    .join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

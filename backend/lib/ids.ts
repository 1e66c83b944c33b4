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

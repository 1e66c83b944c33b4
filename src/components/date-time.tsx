import { formatDateTime } from '../lib/format'

/** A point in time from UNIX milliseconds, shown as the console shows dates. */
export function DateTime({ value }: { value: number }) {
  return <time dateTime={new Date(value).toISOString()}>{formatDateTime(value)}</time>
}

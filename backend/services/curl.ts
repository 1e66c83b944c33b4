import type { SentRequest } from '../../contracts/engine/exports'

/** A value quoted for a POSIX shell: inside single quotes, `'` written as `'\''`. */
const shellQuote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`

/** The request as a cURL command, one option a line (Copy as cURL). */
export function toCurl(request: SentRequest): string {
  const lines = [`curl -X ${request.method} ${shellQuote(request.url)}`]
  for (const { name, value } of request.headers)
    lines.push(`  -H ${shellQuote(`${name}: ${value}`)}`)
  if (request.body !== '') lines.push(`  --data-raw ${shellQuote(request.body)}`)
  return lines.join(' \\\n')
}

import { expect, it } from 'vitest'
import { toCurl } from './curl'

it('writes a request as a cURL command, quoting for the shell', () => {
  expect(
    toCurl({
      method: 'POST',
      url: 'https://hooks.example/profiles?a=1&b=2',
      headers: [
        { name: 'Content-Type', value: 'application/json' },
        { name: 'Authorization', value: 'Bearer ••••••oken' },
      ],
      body: `{"name":"O'Brien"}`,
    }),
  ).toBe(
    [
      "curl -X POST 'https://hooks.example/profiles?a=1&b=2'",
      "  -H 'Content-Type: application/json'",
      "  -H 'Authorization: Bearer ••••••oken'",
      `  --data-raw '{"name":"O'\\''Brien"}'`,
    ].join(' \\\n'),
  )
})

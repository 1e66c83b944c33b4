import { LIMITS } from '../limits'

/** The outcome of checking a URL field: the parsed URL, or a message saying what is wrong. */
export type HttpUrlCheck = { ok: true; url: URL } | { ok: false; message: string }

/**
 * Checks that `value` is an absolute http(s) URL a browser can send a request to: no user name or
 * password (fetch refuses them), no fragment, no control characters (the URL parser would drop a line
 * break the user typed) and at most `LIMITS.url` characters. `label` names the field in messages
 * ("access token URL"), `example` shows a well-formed value.
 */
export function checkHttpUrl(
  value: string,
  field: { label: string; example: string },
): HttpUrlCheck {
  const text = value.trim()
  if (text === '') return { ok: false, message: `Enter the ${field.label}.` }
  if (text.length > LIMITS.url) {
    return { ok: false, message: `The ${field.label} is longer than ${LIMITS.url} characters.` }
  }
  if (/\p{Cc}/u.test(text)) {
    return {
      ok: false,
      message: `The ${field.label} cannot contain line breaks, tabs or other control characters.`,
    }
  }
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return {
      ok: false,
      message: `Enter the ${field.label} as a full URL, such as ${field.example}.`,
    }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, message: `The ${field.label} must start with http:// or https://.` }
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, message: `The ${field.label} cannot contain a user name or password.` }
  }
  if (url.href.includes('#')) {
    return {
      ok: false,
      message: `The ${field.label} cannot contain a fragment (the part after #).`,
    }
  }
  return { ok: true, url }
}

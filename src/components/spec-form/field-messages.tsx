import type { FieldError } from 'react-hook-form'
import { inlineMarkdown } from './inline-markdown'

/**
 * Every message of a field's error: all of them when the form collects every criterion
 * (`criteriaMode: 'all'`, one per bad header entry, say), else the first.
 */
export function fieldMessages(error: FieldError | undefined): string[] {
  if (!error) return []
  const all = Object.values(error.types ?? {}).flatMap((value) =>
    typeof value === 'string' ? [value] : Array.isArray(value) ? value : [],
  )
  if (all.length > 0) return [...new Set(all)]
  return error.message ? [error.message] : []
}

/** A field's error messages for a Spectrum `errorMessage`, one line each. */
export function FieldMessages({ error }: { error: FieldError | undefined }) {
  const messages = fieldMessages(error)
  if (messages.length === 1) return <>{inlineMarkdown(messages[0])}</>
  return (
    <>
      {messages.map((message) => (
        <span key={message} style={{ display: 'block' }}>
          {inlineMarkdown(message)}
        </span>
      ))}
    </>
  )
}

import type { ReactNode } from 'react'

const TOKEN = /(\*\*[^*]+\*\*|`[^`]+`)/

/**
 * The two bits of Markdown that AEP's help texts and the API's messages use: `**bold**` and
 * `` `code` ``. Everything else is shown as written.
 */
export function inlineMarkdown(text: string): ReactNode {
  const parts = text.split(TOKEN).filter((part) => part !== '')
  if (parts.length === 1 && !TOKEN.test(text)) return text
  return parts.map((part, index) => {
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4) {
      return <strong key={index}>{part.slice(2, -2)}</strong>
    }
    if (part.startsWith('`') && part.endsWith('`') && part.length > 2) {
      return <code key={index}>{part.slice(1, -1)}</code>
    }
    return part
  })
}

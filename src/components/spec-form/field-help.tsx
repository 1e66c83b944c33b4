import { Content, ContextualHelp, Heading } from '@adobe/react-spectrum'
import { inlineMarkdown } from './inline-markdown'

interface FieldHelpProps {
  /** The field's label, shown as the help's heading. */
  title: string
  /** The help text; `**bold**` and `` `code` `` are rendered. */
  children: string
  /**
   * Whether the help sits in a Spectrum field's `contextualHelp`, which names the button after
   * the field ("Client Secret Information"); elsewhere (next to a switch) it is named here.
   */
  inField?: boolean
}

/** AEP's contextual help next to a field label: the field's title and its help text. */
export function FieldHelp({ title, children, inField = true }: FieldHelpProps) {
  return (
    <ContextualHelp variant="info" aria-label={inField ? undefined : `${title} Information`}>
      <Heading>{title}</Heading>
      <Content>{inlineMarkdown(children)}</Content>
    </ContextualHelp>
  )
}

import { Button, Content, Heading, InlineAlert } from '@adobe/react-spectrum'

interface LoadErrorProps {
  /** What failed, as a sentence: "The catalog could not be loaded". */
  title: string
  error: Error
  /** Offers "Try again" when given. */
  onRetry?: () => void
}

/** A read that failed: what, the API's own words, and a retry where it makes sense. */
export function LoadError({ title, error, onRetry }: LoadErrorProps) {
  return (
    <InlineAlert variant="negative">
      <Heading>{title}</Heading>
      <Content>
        {error.message}
        {onRetry && (
          <>
            {' '}
            <Button variant="secondary" onPress={onRetry} marginTop="size-100">
              Try again
            </Button>
          </>
        )}
      </Content>
    </InlineAlert>
  )
}

import { Content, Heading, IllustratedMessage, Link } from '@adobe/react-spectrum'
import { isRouteErrorResponse, useRouteError } from 'react-router-dom'
import { DEFAULT_SANDBOX, paths } from '../lib/paths'
import { SpectrumProvider } from './spectrum-provider'

/** Unknown URLs and errors thrown while loading a route. */
export function RouteError({ notFound = false }: { notFound?: boolean }) {
  const error = useRouteError()
  const missing = notFound || (isRouteErrorResponse(error) && error.status === 404)
  const message = missing
    ? 'There is no page at this address.'
    : error instanceof Error
      ? error.message
      : 'Something went wrong while loading this page.'
  return (
    <SpectrumProvider>
      <IllustratedMessage marginTop="size-1000">
        <Heading level={1}>{missing ? 'Page not found' : 'This page could not be loaded'}</Heading>
        <Content>
          {message} <Link href={paths.home(DEFAULT_SANDBOX)}>Go to Destinations</Link>
        </Content>
      </IllustratedMessage>
    </SpectrumProvider>
  )
}

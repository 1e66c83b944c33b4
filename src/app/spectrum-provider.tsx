import { defaultTheme, Provider } from '@adobe/react-spectrum'
import type { ReactNode } from 'react'
import { useHref, useNavigate, type NavigateOptions } from 'react-router-dom'
import { isExternalUrl } from '../lib/external-url'

declare module '@adobe/react-spectrum' {
  interface RouterConfig {
    routerOptions: NavigateOptions
  }
}

/**
 * The href React Spectrum renders for a link: a route of the app resolved by React Router, an
 * absolute URL of another site as it is (React Router would resolve it as a relative path).
 */
function useLinkHref(href: string): string {
  const routed = useHref(href)
  return isExternalUrl(href) ? href : routed
}

/** React Spectrum's provider, with its links and tabs navigating through React Router. */
export function SpectrumProvider({ children }: { children: ReactNode }) {
  const navigate = useNavigate()
  return (
    <Provider
      theme={defaultTheme}
      colorScheme="light"
      locale="en-US"
      // React Spectrum calls useHref as a hook while rendering its links; it is passed, not called here.
      // oxlint-disable-next-line react/rules-of-hooks
      router={{ navigate: (to, options) => void navigate(to, options), useHref: useLinkHref }}
      minHeight="100vh"
    >
      {children}
    </Provider>
  )
}

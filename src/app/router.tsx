import type { QueryClient } from '@tanstack/react-query'
import { createBrowserRouter, redirect } from 'react-router-dom'
import { DEFAULT_SANDBOX, paths, SANDBOXES } from '../lib/paths'
import { BootScreen } from './boot-screen'
import { RouteError } from './route-error'
import { Shell } from './shell'

const isSandbox = (name: string | undefined) => SANDBOXES.some((s) => s.name === name)

/** Every screen has a URL; route modules are loaded lazily so the first screen stays small. */
export function createRouter(queryClient: QueryClient) {
  return createBrowserRouter([
    {
      path: '/',
      loader: () => redirect(paths.home(DEFAULT_SANDBOX)),
      // A redirect renders nothing; saying so keeps the router from warning of an empty page.
      element: null,
      hydrateFallbackElement: <BootScreen state="loading" />,
    },
    {
      path: '/:sandbox',
      element: <Shell />,
      errorElement: <RouteError />,
      hydrateFallbackElement: <BootScreen state="loading" />,
      loader: ({ params }) => {
        if (!isSandbox(params.sandbox)) throw new Response('Unknown sandbox', { status: 404 })
        return null
      },
      children: [
        { index: true, loader: ({ params }) => redirect(paths.home(params.sandbox!)) },
        {
          path: 'destinations',
          lazy: () => import('./routes/destinations-workspace'),
          children: [
            {
              index: true,
              loader: ({ params }) => redirect(paths.destinations.catalog(params.sandbox!)),
            },
            { path: 'overview', lazy: () => import('./routes/destinations-overview') },
            {
              path: 'catalog',
              lazy: async () => {
                const route = await import('./routes/destinations-catalog')
                return { Component: route.Component, loader: route.makeLoader(queryClient) }
              },
            },
            {
              path: 'browse',
              lazy: async () => {
                const route = await import('./routes/destinations-browse')
                return { Component: route.Component, loader: route.makeLoader(queryClient) }
              },
            },
            {
              path: 'accounts',
              lazy: async () => {
                const route = await import('./routes/destinations-accounts')
                return { Component: route.Component, loader: route.makeLoader(queryClient) }
              },
            },
          ],
        },
        {
          path: 'destinations/connect/:specId/:step?',
          lazy: async () => {
            const route = await import('./routes/connect-destination')
            return { Component: route.Component, loader: route.makeLoader(queryClient) }
          },
        },
        {
          path: 'destinations/activate/:specId',
          lazy: async () => {
            const route = await import('./routes/activate-destination')
            return { Component: route.Component, loader: route.makeLoader(queryClient) }
          },
        },
        {
          path: 'destinations/browse/:flowId/activate/:step?',
          lazy: async () => {
            const route = await import('./routes/activation-wizard')
            return { Component: route.Component, loader: route.makeLoader(queryClient) }
          },
        },
        {
          path: 'destinations/browse/:flowId/:tab?',
          lazy: async () => {
            const route = await import('./routes/destination-details')
            return { Component: route.Component, loader: route.makeLoader(queryClient) }
          },
        },
        { path: 'audiences', lazy: () => import('./routes/audiences') },
        { path: 'profiles', lazy: () => import('./routes/profiles') },
        { path: 'profiles/:profileId', lazy: () => import('./routes/profile') },
        { path: '*', element: <RouteError notFound /> },
      ],
    },
  ])
}

import type { QueryClient } from '@tanstack/react-query'
import type { ComponentType } from 'react'
import { createBrowserRouter, redirect, type LoaderFunction } from 'react-router-dom'
import { DEFAULT_SANDBOX, paths, SANDBOXES } from '../lib/paths'
import { BootScreen } from './boot-screen'
import { RouteError } from './route-error'
import { Shell } from './shell'

const isSandbox = (name: string | undefined) => SANDBOXES.some((s) => s.name === name)

/** A route module whose loader prefetches with the query options its component reads. */
interface RouteModule {
  Component: ComponentType
  makeLoader: (queryClient: QueryClient) => LoaderFunction
}

/** Every screen has a URL; route modules are loaded lazily so the first screen stays small. */
export function createRouter(queryClient: QueryClient) {
  /** A lazy route: the module's component, and its loader bound to the app's query client. */
  const withLoader = (load: () => Promise<RouteModule>) => async () => {
    const route = await load()
    return { Component: route.Component, loader: route.makeLoader(queryClient) }
  }
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
              lazy: withLoader(() => import('./routes/destinations-catalog')),
            },
            {
              path: 'browse',
              lazy: withLoader(() => import('./routes/destinations-browse')),
            },
            {
              path: 'accounts',
              lazy: withLoader(() => import('./routes/destinations-accounts')),
            },
          ],
        },
        {
          path: 'destinations/connect/:specId/:step?',
          lazy: withLoader(() => import('./routes/connect-destination')),
        },
        {
          path: 'destinations/activate/:specId',
          lazy: withLoader(() => import('./routes/activate-destination')),
        },
        {
          path: 'destinations/browse/:flowId/activate/:step?',
          lazy: withLoader(() => import('./routes/activation-wizard')),
        },
        {
          path: 'destinations/browse/:flowId/:tab?',
          lazy: withLoader(() => import('./routes/destination-details')),
        },
        { path: 'audiences', lazy: () => import('./routes/audiences') },
        { path: 'profiles', lazy: () => import('./routes/profiles') },
        { path: 'profiles/:profileId', lazy: () => import('./routes/profile') },
        { path: '*', element: <RouteError notFound /> },
      ],
    },
  ])
}

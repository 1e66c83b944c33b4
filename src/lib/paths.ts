/** Every URL of the console, built in one place. */
export const paths = {
  home: (sandbox: string) => `/${sandbox}/destinations`,
  destinations: {
    overview: (sandbox: string) => `/${sandbox}/destinations/overview`,
    catalog: (sandbox: string) => `/${sandbox}/destinations/catalog`,
    browse: (sandbox: string) => `/${sandbox}/destinations/browse`,
    accounts: (sandbox: string) => `/${sandbox}/destinations/accounts`,
    connect: (sandbox: string, specId: string) => `/${sandbox}/destinations/connect/${specId}`,
    activate: (sandbox: string, specId: string) => `/${sandbox}/destinations/activate/${specId}`,
  },
}

export const SANDBOXES = [
  { name: 'prod', title: 'Prod (Production)' },
  { name: 'dev', title: 'Dev (Development)' },
] as const

export const DEFAULT_SANDBOX = 'prod'

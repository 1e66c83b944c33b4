/** The search parameter of the Dataflow runs tab that names the open run. */
export const RUN_PARAM = 'run'

/** Every URL of the console, built in one place. */
export const paths = {
  home: (sandbox: string) => `/${sandbox}/destinations`,
  audiences: (sandbox: string) => `/${sandbox}/audiences`,
  profiles: (sandbox: string) => `/${sandbox}/profiles`,
  profile: (sandbox: string, id: string) => `/${sandbox}/profiles/${id}`,
  destinations: {
    overview: (sandbox: string) => `/${sandbox}/destinations/overview`,
    catalog: (sandbox: string) => `/${sandbox}/destinations/catalog`,
    browse: (sandbox: string) => `/${sandbox}/destinations/browse`,
    accounts: (sandbox: string) => `/${sandbox}/destinations/accounts`,
    /** The connect wizard; `step` is one of its step slugs (the first when omitted). */
    connect: (sandbox: string, specId: string, step?: string) =>
      `/${sandbox}/destinations/connect/${specId}${step ? `/${step}` : ''}`,
    /** Catalog "Activate audiences": pick which existing destination of a spec to activate. */
    activate: (sandbox: string, specId: string) => `/${sandbox}/destinations/activate/${specId}`,
    /** The destination details page of a dataflow; `tab` is runs, activation or exports. */
    details: (sandbox: string, flowId: string, tab?: string) =>
      `/${sandbox}/destinations/browse/${flowId}${tab ? `/${tab}` : ''}`,
    /** The Dataflow runs tab of a dataflow with one run open (`?run=`), showing its details. */
    run: (sandbox: string, flowId: string, runId: string) =>
      `/${sandbox}/destinations/browse/${flowId}/runs?${new URLSearchParams({ [RUN_PARAM]: runId })}`,
    /** The activation wizard of a dataflow; `step` is one of its step slugs. */
    activation: (sandbox: string, flowId: string, step?: string) =>
      `/${sandbox}/destinations/browse/${flowId}/activate${step ? `/${step}` : ''}`,
  },
}

export const SANDBOXES = [
  { name: 'prod', title: 'Prod (Production)' },
  { name: 'dev', title: 'Dev (Development)' },
] as const

export const DEFAULT_SANDBOX = 'prod'

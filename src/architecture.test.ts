import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  crossings,
  importCircles,
  importSpecifiers,
  readImportGraph,
  unlayered,
  upwardImports,
  type Boundary,
  type ImportGraph,
  type Layer,
} from '../scripts/import-graph'

/** The layers and boundaries of docs/architecture.md, checked on the repository's imports. */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const graph = readImportGraph(root, ['src', 'contracts', 'backend', 'e2e', 'bench', 'scripts'])

/** The backend's layers, bottom first: a file imports only from its own layer or lower ones. */
const BACKEND_LAYERS: Layer[] = [
  { name: 'contracts', dirs: ['contracts'] },
  { name: 'lib', dirs: ['backend/lib'] },
  { name: 'seed data', dirs: ['backend/seed/data'] },
  { name: 'store', dirs: ['backend/store'] },
  { name: 'rules', dirs: ['backend/engine/rules'] },
  { name: 'events', dirs: ['backend/events'] },
  { name: 'http', dirs: ['backend/http'] },
  { name: 'receiver', dirs: ['backend/receiver'] },
  { name: 'runtime', dirs: ['backend/engine/runtime'] },
  { name: 'seed', dirs: ['backend/seed'] },
  { name: 'services', dirs: ['backend/services'] },
  { name: 'bench helpers', dirs: ['backend/bench'] },
  { name: 'api', dirs: ['backend/api'] },
  {
    name: 'composition',
    dirs: [
      'backend/backend.ts',
      'backend/browser.ts',
      'backend/node.ts',
      'backend/persistence-worker.ts',
      'backend/testing',
    ],
  },
]

/**
 * The one import allowed to run up a layer, and why (docs/architecture.md, "The one upward
 * import"). Empty when there is none.
 */
const ALLOWED_UPWARD: string[] = []

const BOUNDARIES: (Boundary & { why: string })[] = [
  {
    why: 'rules are pure: they import neither the runtime, the store nor the services',
    from: 'backend/engine/rules',
    to: ['backend/engine/runtime', 'backend/store', 'backend/services'],
  },
  {
    why: 'the store owns the stored shapes and imports nothing from the engine',
    from: 'backend/store',
    to: ['backend/engine'],
  },
  {
    why: 'the UI is a client of the API: only src/main.tsx starts the backend',
    from: 'src',
    except: ['src/main.tsx'],
    to: ['backend'],
  },
  {
    why: 'contracts are shared below both sides: they import neither the UI nor the backend',
    from: 'contracts',
    to: ['src', 'backend'],
  },
  {
    why: 'the backend shares only contracts with the UI',
    from: 'backend',
    to: ['src'],
  },
]

/** The UI's layers (CONVENTIONS.md): app over features over shared code. */
const UI_LAYERS: Layer[] = [
  { name: 'contracts', dirs: ['contracts'] },
  { name: 'shared', dirs: ['src/lib', 'src/api', 'src/components', 'src/testing'] },
  { name: 'features', dirs: ['src/features'] },
  { name: 'app', dirs: ['src/app', 'src/main.tsx'] },
]

const uiGraph = new Map([...graph].filter(([file]) => file.startsWith('src/')))
const backendGraph = new Map(
  [...graph].filter(([file]) => file.startsWith('backend/') || file.startsWith('contracts/')),
)

describe('architecture', () => {
  it('has no import circle', () => {
    expect(importCircles(graph)).toEqual([])
  })

  it('gives every backend file a layer', () => {
    expect(unlayered(backendGraph, BACKEND_LAYERS)).toEqual([])
  })

  it('lets no backend import run up a layer but the one named in docs/architecture.md', () => {
    expect(upwardImports(backendGraph, BACKEND_LAYERS)).toEqual(ALLOWED_UPWARD)
    expect(ALLOWED_UPWARD.length).toBeLessThanOrEqual(1)
  })

  it.each(BOUNDARIES)('keeps its boundaries: $why', (boundary) => {
    expect(crossings(graph, boundary)).toEqual([])
  })

  it('keeps the UI layered: shared code below features, features below the app', () => {
    expect(upwardImports(uiGraph, UI_LAYERS)).toEqual([])
  })

  it('keeps features apart: a feature never imports another feature', () => {
    const offenders = [...uiGraph].flatMap(([file, imports]) => {
      const own = /^src\/features\/([^/]+)\//.exec(file)?.[1]
      if (!own) return []
      return imports
        .filter((i) => i.startsWith('src/features/') && !i.startsWith(`src/features/${own}/`))
        .map((i) => `${file} → ${i}`)
    })
    expect(offenders).toEqual([])
  })

  it('derives every query key outside src/api from the src/api key builders', () => {
    const literal = /queryKey:\s*\[/
    const offenders = [...uiGraph.keys()].filter(
      (file) =>
        !file.startsWith('src/api/') &&
        !file.endsWith('.test.ts') &&
        !file.endsWith('.test.tsx') &&
        literal.test(readFileSync(join(root, file), 'utf8')),
    )
    expect(offenders).toEqual([])
  })

  it('starts the backend from main.tsx through one dynamic import', () => {
    const main = readFileSync(join(root, 'src', 'main.tsx'), 'utf8')
    const backendImports = importSpecifiers(main).filter((spec) => spec.includes('backend'))
    expect(backendImports).toEqual(['../backend/browser'])
    expect(main).toContain("import('../backend/browser')")
  })
})

const probe = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges))

describe('the checks can fail', () => {
  it('finds static, type-only, re-exported and dynamic imports', () => {
    const text = [
      `import { a } from './a'`,
      `import type { B } from '../b'`,
      `export { c } from './c'`,
      `const d = await import('./d')`,
      `import { z } from 'zod'`,
    ].join('\n')
    expect(importSpecifiers(text)).toEqual(['./a', '../b', './c', './d'])
  })

  it('finds a circle', () => {
    const circular = probe({ 'a.ts': ['b.ts'], 'b.ts': ['c.ts'], 'c.ts': ['a.ts'], 'd.ts': [] })
    expect(importCircles(circular)).toEqual([['a.ts', 'b.ts', 'c.ts']])
  })

  it('finds an import that runs up a layer, and a file without a layer', () => {
    const upward = probe({
      'backend/store/database.ts': ['backend/services/flows.ts'],
      'backend/services/flows.ts': ['backend/store/database.ts'],
      'backend/elsewhere.ts': [],
    })
    expect(upwardImports(upward, BACKEND_LAYERS)).toEqual([
      'backend/store/database.ts → backend/services/flows.ts',
    ])
    expect(unlayered(upward, BACKEND_LAYERS)).toEqual(['backend/elsewhere.ts'])
  })

  it.each([
    ['backend/engine/rules/export/decide.ts', 'backend/engine/runtime/delivery.ts'],
    ['backend/engine/rules/runs.ts', 'backend/store/docs.ts'],
    ['backend/engine/rules/pql/pql.ts', 'backend/services/profiles.ts'],
    ['backend/store/docs.ts', 'backend/engine/rules/export/decide.ts'],
    ['src/features/catalog/catalog-page.tsx', 'backend/browser.ts'],
    ['contracts/profile.ts', 'src/lib/paths.ts'],
    ['backend/services/flows.ts', 'src/api/flows.ts'],
  ])('finds %s importing %s', (from, to) => {
    const crossing = probe({ [from]: [to] })
    const caught = BOUNDARIES.flatMap((boundary) => crossings(crossing, boundary))
    expect(caught).toEqual([`${from} → ${to}`])
  })

  it('lets src/main.tsx start the backend, and test files set up with anything', () => {
    const allowed = probe({
      'src/main.tsx': ['backend/browser.ts'],
      'backend/engine/rules/runs.test.ts': ['backend/store/docs.ts'],
    })
    expect(BOUNDARIES.flatMap((boundary) => crossings(allowed, boundary))).toEqual([])
  })
})

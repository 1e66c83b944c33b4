import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const src = join(root, 'src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : []
  })
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g

/** Every relative import of a file, resolved to a path under the repository. */
function importsOf(file: string, text = readFileSync(file, 'utf8')): string[] {
  return [...text.matchAll(IMPORT)]
    .map((m) => m[1] ?? m[2] ?? '')
    .filter((spec) => spec.startsWith('.'))
    .map((spec) =>
      relative(root, resolve(dirname(file), spec))
        .split(sep)
        .join('/'),
    )
}

const uiFiles = sourceFiles(src).map((file) => ({
  file,
  name: relative(root, file).split(sep).join('/'),
  imports: importsOf(file),
}))

describe('architecture', () => {
  it('keeps the UI a client of the API: only src/main.tsx imports the backend', () => {
    const offenders = uiFiles.flatMap(({ name, imports }) =>
      name === 'src/main.tsx'
        ? []
        : imports.filter((i) => i.startsWith('backend/')).map((i) => `${name} → ${i}`),
    )
    expect(offenders).toEqual([])
  })

  it('starts the backend from main.tsx through one dynamic import', () => {
    const main = readFileSync(join(src, 'main.tsx'), 'utf8')
    const backendImports = [...main.matchAll(IMPORT)].filter((m) =>
      (m[1] ?? m[2] ?? '').includes('backend'),
    )
    expect(backendImports).toHaveLength(1)
    expect(backendImports[0]?.[2]).toBe('../backend/browser')
  })

  it('keeps features apart: a feature never imports another feature', () => {
    const offenders = uiFiles.flatMap(({ name, imports }) => {
      const own = /^src\/features\/([^/]+)\//.exec(name)?.[1]
      if (!own) return []
      return imports
        .filter((i) => i.startsWith('src/features/') && !i.startsWith(`src/features/${own}/`))
        .map((i) => `${name} → ${i}`)
    })
    expect(offenders).toEqual([])
  })

  it('keeps shared code below features and the app', () => {
    const shared = /^src\/(components|api|contracts|lib)\//
    const offenders = uiFiles.flatMap(({ name, imports }) =>
      shared.test(name)
        ? imports.filter((i) => /^src\/(features|app)\//.test(i)).map((i) => `${name} → ${i}`)
        : [],
    )
    expect(offenders).toEqual([])
  })

  it('lets the backend share only contracts with the UI', () => {
    const backendFiles = sourceFiles(join(root, 'backend'))
    const offenders = backendFiles.flatMap((file) =>
      importsOf(file)
        .filter((i) => i.startsWith('src/') && !i.startsWith('contracts/'))
        .map((i) => `${relative(root, file)} → ${i}`),
    )
    expect(offenders).toEqual([])
  })

  it('finds static, type-only, re-exported and dynamic imports (the checks are not vacuous)', () => {
    const file = join(src, 'features', 'catalog', 'probe.ts')
    // Built, so that no line of this file reads as an import of the backend itself.
    const backend = ['..', '..', '..', 'backend'].join('/')
    const text = [
      `import { a } from '${backend}/a'`,
      `import type { B } from '${backend}/b'`,
      `export { c } from '${backend}/c'`,
      `const d = await import('${backend}/d')`,
    ].join('\n')
    expect(importsOf(file, text)).toEqual(['backend/a', 'backend/b', 'backend/c', 'backend/d'])
  })
})

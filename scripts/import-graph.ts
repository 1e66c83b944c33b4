import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'

/**
 * The repository's import graph and the checks on it that `src/architecture.test.ts` runs
 * (docs/architecture.md): import circles, layers, and boundaries between directories.
 */

/** Each file, by its path from the repository root, and the files it imports. */
export type ImportGraph = ReadonlyMap<string, readonly string[]>

const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g
const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx', '']

export const isTest = (file: string) => /\.test\.tsx?$/.test(file)

/** Every `.ts` and `.tsx` file under the given directories, as paths from the root. */
export function sourceFiles(root: string, dirs: readonly string[]): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(path)
      return /\.(ts|tsx)$/.test(entry.name) ? [relative(root, path).split(sep).join('/')] : []
    })
  return dirs.filter((dir) => existsSync(join(root, dir))).flatMap((dir) => walk(join(root, dir)))
}

/** The relative import specifiers of a file's text: static, type-only, re-exports and dynamic. */
export const importSpecifiers = (text: string): string[] =>
  [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? '').filter((spec) => spec.startsWith('.'))

/** Resolves a relative specifier of `from` to a file under the root (as a path from it). */
export function resolveImport(root: string, from: string, spec: string): string {
  const base = relative(root, resolve(root, dirname(from), spec))
    .split(sep)
    .join('/')
  for (const extension of EXTENSIONS) {
    const candidate = base + extension
    const path = join(root, candidate)
    if (existsSync(path) && statSync(path).isFile()) return candidate
  }
  return base
}

export function readImportGraph(root: string, dirs: readonly string[]): ImportGraph {
  return new Map(
    sourceFiles(root, dirs).map((file) => [
      file,
      importSpecifiers(readFileSync(join(root, file), 'utf8')).map((spec) =>
        resolveImport(root, file, spec),
      ),
    ]),
  )
}

/** The import circles of a graph: its strongly connected parts of more than one file (Tarjan). */
export function importCircles(graph: ImportGraph): string[][] {
  let counter = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const circles: string[][] = []
  const visit = (file: string) => {
    index.set(file, counter)
    low.set(file, counter)
    counter++
    stack.push(file)
    onStack.add(file)
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue
      if (!index.has(next)) {
        visit(next)
        low.set(file, Math.min(low.get(file) ?? 0, low.get(next) ?? 0))
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file) ?? 0, index.get(next) ?? 0))
      }
    }
    if (low.get(file) !== index.get(file)) return
    const circle: string[] = []
    let member: string | undefined
    do {
      member = stack.pop()
      if (member === undefined) break
      onStack.delete(member)
      circle.push(member)
    } while (member !== file)
    if (circle.length > 1) circles.push(circle.sort())
  }
  for (const file of graph.keys()) if (!index.has(file)) visit(file)
  return circles
}

/** A layer: the directories (path prefixes) in it; a file belongs to the longest prefix it has. */
export interface Layer {
  name: string
  dirs: readonly string[]
}

/** The layer of a file, by the longest directory prefix, or undefined when it has none. */
export function layerOf(layers: readonly Layer[], file: string): number | undefined {
  let found: number | undefined
  let longest = -1
  layers.forEach((layer, i) => {
    for (const dir of layer.dirs) {
      if ((file === dir || file.startsWith(`${dir}/`)) && dir.length > longest) {
        longest = dir.length
        found = i
      }
    }
  })
  return found
}

/**
 * The imports that run up: from a file to one of a higher layer (layers are listed bottom
 * first). Test files are left out: a test may set up with anything.
 */
export function upwardImports(graph: ImportGraph, layers: readonly Layer[]): string[] {
  const found: string[] = []
  for (const [file, imports] of graph) {
    if (isTest(file)) continue
    const own = layerOf(layers, file)
    if (own === undefined) continue
    for (const target of imports) {
      const theirs = layerOf(layers, target)
      if (theirs !== undefined && theirs > own) found.push(`${file} → ${target}`)
    }
  }
  return found.sort()
}

/** The files under none of the layers' directories (each must have a layer). */
export const unlayered = (graph: ImportGraph, layers: readonly Layer[]): string[] =>
  [...graph.keys()].filter((file) => !isTest(file) && layerOf(layers, file) === undefined).sort()

/** A boundary: files under `from` (but not under `except`) never import files under `to`. */
export interface Boundary {
  from: string
  to: readonly string[]
  except?: readonly string[]
}

const under = (file: string, dir: string) => file === dir || file.startsWith(`${dir}/`)

/** The imports that cross a boundary (test files are left out, as for layers). */
export function crossings(graph: ImportGraph, boundary: Boundary): string[] {
  const found: string[] = []
  for (const [file, imports] of graph) {
    if (isTest(file) || !under(file, boundary.from)) continue
    if (boundary.except?.some((dir) => under(file, dir))) continue
    for (const target of imports) {
      if (boundary.to.some((dir) => under(target, dir))) found.push(`${file} → ${target}`)
    }
  }
  return found.sort()
}

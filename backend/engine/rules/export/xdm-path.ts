import type { XdmObject, XdmValue } from '../../../../contracts/profile'

const DOT = 46

/** True when dot path `ancestor` is a strict parent of `path` (`person` of `person.name`). */
export const isAncestorPath = (ancestor: string, path: string): boolean =>
  path.length > ancestor.length &&
  path.charCodeAt(ancestor.length) === DOT &&
  path.startsWith(ancestor)

/**
 * True when writing one path writes the other: the same path, a parent or a child (DESIGN.md
 * section 6: "any mapped attribute is written").
 */
export const pathsOverlap = (a: string, b: string): boolean =>
  a === b || isAncestorPath(a, b) || isAncestorPath(b, a)

/** True for a nested XDM object (not an array, not null). */
export const isXdmObject = (value: unknown): value is XdmObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The value at split path `segments` of `root`; undefined if a step is missing or no object. */
export const readPath = (root: XdmObject, segments: readonly string[]): XdmValue | undefined => {
  let node: XdmValue | undefined = root
  for (const segment of segments) {
    if (!isXdmObject(node) || !Object.hasOwn(node, segment)) return undefined
    node = node[segment]
  }
  return node
}

import { zodResolver } from '@hookform/resolvers/zod'
import type { FieldValues, Resolver } from 'react-hook-form'
import type { z } from 'zod'

/**
 * A react-hook-form resolver that validates with a zod schema and leaves the values as typed
 * (`raw`), so a form whose fields come from a spec keeps its own shape; parse the values with
 * the same schema when you send them. `schema` is read at every validation, so it may depend on
 * what the form shows (the chosen authentication type, the loaded accounts).
 */
export function schemaResolver<T extends FieldValues>(
  schema: () => z.ZodType<unknown, FieldValues>,
): Resolver<T> {
  return (values, context, options) => {
    const resolve = zodResolver(schema(), undefined, { raw: true }) as unknown as Resolver<T>
    return resolve(values, context, options)
  }
}

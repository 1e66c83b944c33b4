import { z } from 'zod'

/** One invalid field of a request, by its dotted path. */
export const fieldErrorSchema = z.object({
  path: z.string(),
  message: z.string(),
  /** For a PQL syntax error: the 0-based offset into the expression. */
  position: z.number().optional(),
})

export type FieldError = z.infer<typeof fieldErrorSchema>

/** The Flow Service problem body every API error uses. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  report: z.object({ 'detailed-message': z.string(), 'request-id': z.string() }).partial(),
  errorDetails: z.array(fieldErrorSchema).optional(),
})

export type ProblemBody = z.infer<typeof problemSchema>

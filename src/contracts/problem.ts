import { z } from 'zod'

/** The Flow Service problem body every API error uses. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  report: z.object({ 'detailed-message': z.string(), 'request-id': z.string() }).partial(),
  errorDetails: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
})

export type ProblemBody = z.infer<typeof problemSchema>

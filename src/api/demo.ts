import { z } from 'zod'
import { request } from './client'

const resetSchema = z.object({ sandbox: z.string(), resetAt: z.number() })

/** Restores the seeded demo data of a sandbox. */
export const resetDemoData = (sandbox: string) =>
  request('/demo/reset', { sandbox, method: 'POST', body: {}, schema: resetSchema })

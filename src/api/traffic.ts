import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod'
import {
  TRAFFIC_PATH,
  trafficJobListSchema,
  trafficJobPath,
  trafficJobSchema,
  type TrafficRequest,
} from '../../contracts/engine/traffic'
import { request } from './client'

export const trafficJobsQuery = (sandbox: string) =>
  queryOptions({
    queryKey: ['traffic', { sandbox }],
    queryFn: ({ signal }) =>
      request(TRAFFIC_PATH, { sandbox, schema: trafficJobListSchema, signal }),
    select: (data) => data.items,
  })

export const startTraffic = (sandbox: string, body: TrafficRequest) =>
  request(TRAFFIC_PATH, { sandbox, method: 'POST', body, schema: trafficJobSchema })

export const stopTraffic = (sandbox: string, id: string) =>
  request(trafficJobPath(id), { sandbox, method: 'DELETE', schema: z.unknown() })

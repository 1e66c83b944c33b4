import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod'
import {
  TRAFFIC_PATH,
  trafficJobListSchema,
  trafficJobPath,
  trafficJobSchema,
  type TrafficRequest,
} from '../../contracts/engine/traffic'
import { request, resourceKeys } from './client'

/** The query keys of traffic. */
export const trafficKeys = resourceKeys('traffic')

export const trafficJobsQuery = (sandbox: string) =>
  queryOptions({
    queryKey: trafficKeys.of({ sandbox }),
    queryFn: ({ signal }) =>
      request(TRAFFIC_PATH, { sandbox, schema: trafficJobListSchema, signal }),
    select: (data) => data.items,
  })

export const startTraffic = (sandbox: string, body: TrafficRequest) =>
  request(TRAFFIC_PATH, { sandbox, method: 'POST', body, schema: trafficJobSchema })

export const stopTraffic = (sandbox: string, id: string) =>
  request(trafficJobPath(id), { sandbox, method: 'DELETE', schema: z.unknown() })

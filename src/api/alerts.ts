import { queryOptions } from '@tanstack/react-query'
import {
  ALERTS_PATH,
  ALERTS_READ_PATH,
  alertListSchema,
  type MarkAlertsRead,
} from '../../contracts/engine/alerts'
import { request, resourceKeys } from './client'

/** The query keys of alerts. */
export const alertKeys = resourceKeys('alerts')

/** The alerts of the sandbox's dataflows, newest run first, with the unread count. */
export const alertsQuery = (sandbox: string) =>
  queryOptions({
    queryKey: alertKeys.of({ sandbox }),
    queryFn: ({ signal }) => request(ALERTS_PATH, { sandbox, schema: alertListSchema, signal }),
  })

/** Marks alerts read (by id, or all); answers the list as it is then. */
export const markAlertsRead = (sandbox: string, body: MarkAlertsRead) =>
  request(ALERTS_READ_PATH, { sandbox, method: 'POST', body, schema: alertListSchema })

import { queryOptions } from '@tanstack/react-query'
import {
  PROFILES_PATH,
  profileListSchema,
  profilePath,
  profileUpdateResultSchema,
  type ProfilePatch,
} from '../../contracts/engine/profiles'
import { profileSchema } from '../../contracts/profile'
import { request, resourceKeys } from './client'

/** The query keys of profiles. */
export const profileKeys = resourceKeys('profiles')

/** A page of profiles; `search` matches identity values, the name and the email. */
export const profilesQuery = (sandbox: string, search: string, start: number, limit = 20) =>
  queryOptions({
    queryKey: profileKeys.of({ sandbox, search, start, limit }),
    queryFn: ({ signal }) => {
      const query = new URLSearchParams({ search, start: String(start), limit: String(limit) })
      return request(`${PROFILES_PATH}?${query}`, { sandbox, schema: profileListSchema, signal })
    },
    placeholderData: (previous) => previous,
  })

export const profileQuery = (sandbox: string, id: string) =>
  queryOptions({
    queryKey: profileKeys.of({ sandbox, id }),
    queryFn: ({ signal }) => request(profilePath(id), { sandbox, schema: profileSchema, signal }),
  })

/** A profile update (JSON Patch on /attributes and /identityMap), evaluated at once. */
export const updateProfile = (sandbox: string, id: string, operations: ProfilePatch) =>
  request(profilePath(id), {
    sandbox,
    method: 'PATCH',
    body: operations,
    schema: profileUpdateResultSchema,
  })

import { ProfilesPage } from '../../features/profiles/profiles-page'

export function Component() {
  return <ProfilesPage />
}

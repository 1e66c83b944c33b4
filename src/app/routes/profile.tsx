import { ProfilePage } from '../../features/profiles/profile-page'

export function Component() {
  return <ProfilePage />
}

import { AudiencesPage } from '../../features/audiences/audiences-page'

export function Component() {
  return <AudiencesPage />
}

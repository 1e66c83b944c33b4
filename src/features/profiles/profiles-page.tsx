import {
  ActionButton,
  Cell,
  Column,
  Flex,
  Heading,
  Link,
  Row,
  SearchField,
  TableBody,
  TableHeader,
  TableView,
  Text,
} from '@adobe/react-spectrum'
import { useQuery } from '@tanstack/react-query'
import { useParams, useSearchParams } from 'react-router-dom'
import { profilesQuery } from '../../api/profiles'
import { formatDateTime, formatCount } from '../../lib/format'
import { paths } from '../../lib/paths'
import { TrafficPanel } from './traffic-panel'
import { LoadError } from '../../components/load-error'

const PAGE = 20

/** Profiles: search by identity or name, open one, and generate traffic. */
export function ProfilesPage() {
  const sandbox = useParams().sandbox!
  const [params, setParams] = useSearchParams()
  const search = params.get('search') ?? ''
  const start = Number(params.get('start') ?? 0) || 0
  const profiles = useQuery(profilesQuery(sandbox, search, start, PAGE))
  const total = profiles.data?.page.totalCount ?? 0

  const update = (next: { search?: string; start?: number }) =>
    setParams(
      (current) => {
        const p = new URLSearchParams(current)
        if (next.search !== undefined) {
          if (next.search) p.set('search', next.search)
          else p.delete('search')
          p.delete('start')
        }
        if (next.start !== undefined) {
          if (next.start) p.set('start', String(next.start))
          else p.delete('start')
        }
        return p
      },
      { replace: true },
    )

  return (
    <Flex direction="column" gap="size-200">
      <Heading level={1} margin={0} UNSAFE_style={{ fontSize: 28 }}>
        Profiles
      </Heading>
      <TrafficPanel sandbox={sandbox} />
      <Flex alignItems="end" gap="size-200" wrap>
        <SearchField
          label="Search by identity or name"
          labelPosition="side"
          value={search}
          onChange={(value) => update({ search: value })}
          width="size-5000"
        />
        <Text aria-live="polite">
          {profiles.data ? formatCount(total, 'profile', 'profiles') : ''}
        </Text>
      </Flex>
      {profiles.isError ? (
        <LoadError title="The profiles could not be loaded" error={profiles.error} />
      ) : (
        <TableView aria-label="Profiles" overflowMode="wrap">
          <TableHeader>
            <Column key="name">Name</Column>
            <Column key="email">Email</Column>
            <Column key="identity">Primary identity</Column>
            <Column key="identities" width={110} align="end">
              Identities
            </Column>
            <Column key="audiences" width={110} align="end">
              Audiences
            </Column>
            <Column key="updated" width={190}>
              Last updated
            </Column>
          </TableHeader>
          <TableBody
            items={profiles.data?.profiles ?? []}
            loadingState={profiles.isPending ? 'loading' : 'idle'}
          >
            {(profile) => (
              <Row key={profile.id}>
                <Cell>
                  <Link href={paths.profile(sandbox, profile.id)}>
                    {profile.name ?? profile.id}
                  </Link>
                </Cell>
                <Cell>{profile.email ?? '—'}</Cell>
                <Cell>
                  {profile.primaryIdentity
                    ? `${profile.primaryIdentity.namespace}: ${profile.primaryIdentity.id}`
                    : '—'}
                </Cell>
                <Cell>{profile.identityCount}</Cell>
                <Cell>{profile.audienceIds.length}</Cell>
                <Cell>{formatDateTime(profile.updatedAt)}</Cell>
              </Row>
            )}
          </TableBody>
        </TableView>
      )}
      <Flex gap="size-100" alignItems="center" justifyContent="end">
        <Text>
          {total
            ? `${start + 1}–${Math.min(start + PAGE, total)} of ${total.toLocaleString('en-US')}`
            : ''}
        </Text>
        <ActionButton
          isDisabled={start === 0}
          onPress={() => update({ start: Math.max(0, start - PAGE) })}
        >
          Previous page
        </ActionButton>
        <ActionButton
          isDisabled={start + PAGE >= total}
          onPress={() => update({ start: start + PAGE })}
        >
          Next page
        </ActionButton>
      </Flex>
    </Flex>
  )
}

import {
  ActionButton,
  Breadcrumbs,
  Button,
  Cell,
  Column,
  Content,
  DialogContainer,
  Flex,
  Heading,
  InlineAlert,
  Item,
  ProgressCircle,
  Row,
  StatusLight,
  TableBody,
  TableHeader,
  TableView,
  Text,
  View,
} from '@adobe/react-spectrum'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useMemo, useState, type ReactNode } from 'react'
import { useParams } from 'react-router-dom'
import { audiencesQuery, audienceKeys } from '../../api/audiences'
import { flowsQuery } from '../../api/flows'
import { profileQuery, updateProfile, profileKeys } from '../../api/profiles'
import { unionSchemaQuery } from '../../api/schema'
import type { ProfileUpdateResult } from '../../../contracts/engine/profiles'
import type { JsonPatchOperation } from '../../../contracts/flow-service'
import type { Profile, XdmValue } from '../../../contracts/profile'
import { formatDateTime } from '../../lib/format'
import { paths } from '../../lib/paths'
import { AddIdentityForm } from './add-identity-form'
import { AttributeDialog } from './attribute-dialog'
import {
  attributeRemove,
  attributeWrite,
  flattenAttributes,
  identityAdd,
  identityRemove,
} from './profile-patch'
import { UpdateResult } from './update-result'
import { LoadError } from '../../components/load-error'

const show = (value: XdmValue) => (typeof value === 'string' ? value : JSON.stringify(value))

function Section({
  title,
  children,
  action,
}: {
  title: string
  children: ReactNode
  action?: ReactNode
}) {
  return (
    <View
      borderWidth="thin"
      borderColor="gray-300"
      borderRadius="medium"
      backgroundColor="gray-50"
      padding="size-200"
    >
      <Flex justifyContent="space-between" alignItems="center" marginBottom="size-150">
        <Heading level={2} margin={0} UNSAFE_style={{ fontSize: 18 }}>
          {title}
        </Heading>
        {action}
      </Flex>
      {children}
    </View>
  )
}

/** One profile: its attributes, identities and audience memberships, all editable. */
export function ProfilePage() {
  const { sandbox, profileId } = useParams() as { sandbox: string; profileId: string }
  const queryClient = useQueryClient()
  const profile = useQuery(profileQuery(sandbox, profileId))
  const audiences = useQuery(audiencesQuery(sandbox))
  const flows = useQuery(flowsQuery(sandbox))
  const schema = useQuery(unionSchemaQuery(sandbox))
  const [editing, setEditing] = useState<{ path: string; value: XdmValue } | 'new' | null>(null)
  const [result, setResult] = useState<ProfileUpdateResult | null>(null)

  const audienceName = useMemo(() => {
    const names = new Map((audiences.data ?? []).map((a) => [a.id, a.name]))
    return (id: string) => names.get(id) ?? id
  }, [audiences.data])
  const flowName = useMemo(() => {
    const names = new Map((flows.data ?? []).map((f) => [f.id, f.name]))
    return (id: string) => names.get(id) ?? id
  }, [flows.data])

  const update = useMutation({
    mutationFn: (operations: JsonPatchOperation[]) => updateProfile(sandbox, profileId, operations),
    onSuccess: async (answer) => {
      setResult(answer)
      queryClient.setQueryData(profileQuery(sandbox, profileId).queryKey, answer.profile)
      await queryClient.invalidateQueries({ queryKey: profileKeys.of({ sandbox }) })
      await queryClient.invalidateQueries({ queryKey: audienceKeys.all })
    },
  })

  if (profile.isPending) return <ProgressCircle aria-label="Loading the profile" isIndeterminate />
  if (profile.isError) {
    return <LoadError title="The profile could not be loaded" error={profile.error} />
  }
  const p: Profile = profile.data
  const attributes = flattenAttributes(p.attributes)
  const name = attributes
    .filter((a) => a.path === 'person.name.firstName' || a.path === 'person.name.lastName')
    .map((a) => show(a.value))
    .join(' ')
  const identities = Object.entries(p.identityMap).flatMap(([ns, list]) =>
    list.map((item) => ({ key: `${ns}:${item.id}`, namespace: ns, ...item })),
  )
  const memberships = Object.entries(p.segmentMembership.ups).map(([id, m]) => ({ id, ...m }))

  return (
    <Flex direction="column" gap="size-200">
      <Breadcrumbs>
        <Item key="profiles" href={paths.profiles(sandbox)}>
          Profiles
        </Item>
        <Item key="profile">{name || p.id}</Item>
      </Breadcrumbs>
      <Flex direction="column" gap="size-50">
        <Heading level={1} margin={0} UNSAFE_style={{ fontSize: 28 }}>
          {name || p.id}
        </Heading>
        <Text>
          Profile ID {p.id} · last updated {formatDateTime(p.updatedAt)}
        </Text>
      </Flex>
      {update.isError && (
        <InlineAlert variant="negative">
          <Heading>The update was refused</Heading>
          <Content>{update.error.message}</Content>
        </InlineAlert>
      )}
      {result && <UpdateResult result={result} audienceName={audienceName} flowName={flowName} />}

      <Section
        title="Attributes"
        action={
          <Button variant="secondary" onPress={() => setEditing('new')}>
            Add attribute
          </Button>
        }
      >
        <TableView
          aria-label="Attributes"
          density="compact"
          overflowMode="wrap"
          maxHeight="size-6000"
        >
          <TableHeader>
            <Column key="path">Attribute</Column>
            <Column key="value">Value</Column>
            <Column key="actions" width={200} align="end">
              Actions
            </Column>
          </TableHeader>
          <TableBody items={attributes.map((a) => ({ ...a, key: a.path }))}>
            {(item) => (
              <Row key={item.path}>
                <Cell>
                  <code>{item.path}</code>
                </Cell>
                <Cell>{show(item.value)}</Cell>
                <Cell>
                  <Flex gap="size-100" justifyContent="end">
                    <ActionButton
                      isQuiet
                      aria-label={`Edit ${item.path}`}
                      onPress={() => setEditing({ path: item.path, value: item.value })}
                    >
                      Edit
                    </ActionButton>
                    <ActionButton
                      isQuiet
                      aria-label={`Remove ${item.path}`}
                      onPress={() => update.mutate(attributeRemove(item.path))}
                    >
                      Remove
                    </ActionButton>
                  </Flex>
                </Cell>
              </Row>
            )}
          </TableBody>
        </TableView>
      </Section>

      <Section title="Identities">
        <TableView aria-label="Identities" density="compact">
          <TableHeader>
            <Column key="namespace">Namespace</Column>
            <Column key="id">Identity value</Column>
            <Column key="primary" width={100}>
              Primary
            </Column>
            <Column key="actions" width={140} align="end">
              Actions
            </Column>
          </TableHeader>
          <TableBody items={identities}>
            {(item) => (
              <Row key={item.key}>
                <Cell>{item.namespace}</Cell>
                <Cell>{item.id}</Cell>
                <Cell>{item.primary ? 'Yes' : ''}</Cell>
                <Cell>
                  <ActionButton
                    isQuiet
                    aria-label={`Remove identity ${item.namespace} ${item.id}`}
                    onPress={() =>
                      update.mutate(identityRemove(p.identityMap, item.namespace, item.id))
                    }
                  >
                    Remove
                  </ActionButton>
                </Cell>
              </Row>
            )}
          </TableBody>
        </TableView>
        <AddIdentityForm
          identityMap={p.identityMap}
          onAdd={({ namespace, value }) =>
            update.mutate(identityAdd(p.identityMap, namespace, value))
          }
        />
      </Section>

      <Section title="Audience membership">
        <TableView aria-label="Audience membership" density="compact">
          <TableHeader>
            <Column key="audience">Audience</Column>
            <Column key="status" width={160}>
              Status
            </Column>
            <Column key="time" width={240}>
              Last qualification time
            </Column>
          </TableHeader>
          <TableBody items={memberships}>
            {(item) => (
              <Row key={item.id}>
                <Cell>{audienceName(item.id)}</Cell>
                <Cell>
                  <StatusLight variant={item.status === 'realized' ? 'positive' : 'neutral'}>
                    {item.status}
                  </StatusLight>
                </Cell>
                <Cell>{item.lastQualificationTime}</Cell>
              </Row>
            )}
          </TableBody>
        </TableView>
      </Section>

      <DialogContainer onDismiss={() => setEditing(null)}>
        {editing && (
          <AttributeDialog
            attribute={editing === 'new' ? undefined : editing}
            schema={schema.data?.fields}
            close={() => setEditing(null)}
            onSave={(path, value) => update.mutate(attributeWrite(p.attributes, path, value))}
          />
        )}
      </DialogContainer>
    </Flex>
  )
}

import {
  AlertDialog,
  Button,
  Cell,
  Column,
  Content,
  DialogTrigger,
  Flex,
  Heading,
  IllustratedMessage,
  InlineAlert,
  Row,
  SearchField,
  TableBody,
  TableHeader,
  TableView,
  Text,
  ToastQueue,
  type Selection,
} from '@adobe/react-spectrum'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useNavigate } from 'react-router-dom'
import { ApiError } from '../../api/client'
import { flowKeys, patchFlow } from '../../api/flows'
import { DateTime } from '../../components/date-time'
import { removeAudiencesPatch } from '../../../contracts/activation-patch'
import { emptyGeneralTransform, type Flow } from '../../../contracts/flow-service'
import { paths } from '../../lib/paths'
import { formatCount } from '../../lib/format'

interface ActivationDataTabProps {
  sandbox: string
  flow: Flow
}

/** Activation data: the audiences mapped to the dataflow, their mapping dates, Remove audiences. */
export function ActivationDataTab({ sandbox, flow }: ActivationDataTabProps) {
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [search, setSearch] = useState('')
  const [selected, setSelected] = useState<Selection>(new Set())
  const transform = flow.transformations[0] ?? emptyGeneralTransform()
  const audiences = transform.params.segmentSelectors.selectors.map((s) => s.value)
  const attributes = transform.params.profileSelectors.selectors.map((s) => s.value.path)
  const words = search.toLowerCase().split(/\s+/).filter(Boolean)
  const visible = audiences.filter((a) => {
    const text = `${a.name ?? ''} ${a.id}`.toLowerCase()
    return words.every((w) => text.includes(w))
  })
  const chosen =
    selected === 'all'
      ? visible.map((a) => a.id)
      : audiences.filter((a) => selected.has(a.id)).map((a) => a.id)

  const remove = useMutation({
    mutationFn: (ids: string[]) =>
      patchFlow(sandbox, flow.id, flow.etag, removeAudiencesPatch(transform, ids)),
    onSuccess: (_, ids) => {
      setSelected(new Set())
      ToastQueue.positive(
        `${formatCount(ids.length, 'audience', 'audiences')} removed from ${flow.name}.`,
        {
          timeout: 5000,
        },
      )
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: flowKeys.all }),
  })

  if (audiences.length === 0) {
    return (
      <IllustratedMessage marginTop="size-400">
        <Heading>No audiences activated</Heading>
        <Content>
          <Flex direction="column" alignItems="center" gap="size-200">
            <Text>Activate audiences to this destination to start exporting their profiles.</Text>
            <Button
              variant="accent"
              onPress={() => void navigate(paths.destinations.activation(sandbox, flow.id))}
            >
              Activate audiences
            </Button>
          </Flex>
        </Content>
      </IllustratedMessage>
    )
  }

  return (
    <Flex direction="column" gap="size-200">
      <Flex gap="size-200" alignItems="end" justifyContent="space-between" wrap>
        <SearchField
          label="Search audiences"
          labelPosition="side"
          value={search}
          onChange={setSearch}
          width="size-4600"
        />
        <DialogTrigger>
          <Button variant="secondary" isDisabled={chosen.length === 0 || remove.isPending}>
            Remove audiences
          </Button>
          <AlertDialog
            title="Remove audiences?"
            variant="destructive"
            primaryActionLabel="Remove"
            cancelLabel="Cancel"
            onPrimaryAction={() => remove.mutate(chosen)}
          >
            {`Remove ${formatCount(chosen.length, 'audience', 'audiences')} from ${flow.name}? Their profiles are no longer exported to this destination.`}
          </AlertDialog>
        </DialogTrigger>
      </Flex>
      {remove.isError && (
        <InlineAlert variant="negative">
          <Heading>The audiences were not removed</Heading>
          <Content>
            {remove.error instanceof ApiError && remove.error.status === 412
              ? 'This destination changed since the page loaded. The list now shows the current audiences: check your selection and try again.'
              : remove.error.message}
          </Content>
        </InlineAlert>
      )}
      <TableView
        aria-label="Activated audiences"
        selectionMode="multiple"
        selectedKeys={selected}
        onSelectionChange={setSelected}
        overflowMode="wrap"
        renderEmptyState={() => (
          <IllustratedMessage>
            <Heading>No audiences match</Heading>
            <Content>Try another search.</Content>
          </IllustratedMessage>
        )}
        minHeight="size-2400"
      >
        <TableHeader>
          <Column key="name" isRowHeader width="2fr">
            Name
          </Column>
          <Column key="id" width="2fr">
            Audience ID
          </Column>
          <Column key="created" width="1.2fr">
            Mapping created
          </Column>
          <Column key="updated" width="1.2fr">
            Mapping updated
          </Column>
        </TableHeader>
        <TableBody items={visible}>
          {(audience) => (
            <Row key={audience.id} textValue={audience.name ?? audience.id}>
              <Cell>{audience.name ?? audience.id}</Cell>
              <Cell>
                <code className="details-id">{audience.id}</code>
              </Cell>
              <Cell>
                {audience.mappingCreatedAt ? <DateTime value={audience.mappingCreatedAt} /> : '—'}
              </Cell>
              <Cell>
                {audience.mappingUpdatedAt ? <DateTime value={audience.mappingUpdatedAt} /> : '—'}
              </Cell>
            </Row>
          )}
        </TableBody>
      </TableView>
      <section aria-labelledby="mapped-attributes" className="details-attributes">
        <Heading level={2} id="mapped-attributes" margin={0}>
          Mapped attributes
        </Heading>
        {attributes.length ? (
          <ul aria-labelledby="mapped-attributes">
            {attributes.map((path) => (
              <li key={path}>
                <code>{path}</code>
              </li>
            ))}
          </ul>
        ) : (
          <Text>No attributes are mapped.</Text>
        )}
        <Text UNSAFE_className="details-note">
          The whole identityMap of every profile is always exported with the mapped attributes.
        </Text>
      </section>
    </Flex>
  )
}

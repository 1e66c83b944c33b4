import {
  Button,
  ButtonGroup,
  Content,
  Dialog,
  Divider,
  Flex,
  Heading,
  InlineAlert,
  SearchField,
  Text,
  TreeView,
  TreeViewItem,
  TreeViewItemContent,
  useDialogContainer,
  type Key,
  type Selection,
} from '@adobe/react-spectrum'
import { useState } from 'react'
import type { SchemaField } from '../../../contracts/schema'
import {
  alwaysExportedReason,
  filterTree,
  findField,
  flatten,
  notMappableReason,
  typeLabel,
} from './schema-tree'

interface SelectFieldDialogProps {
  /** The union schema's top-level fields. */
  fields: readonly SchemaField[]
  /** Paths already mapped: selecting one again is refused. */
  mapped: readonly string[]
  onSelect: (path: string) => void
}

function FieldRow({ field, mapped }: { field: SchemaField; mapped: ReadonlySet<string> }) {
  const reason = alwaysExportedReason(field)
  return (
    <TreeViewItem id={field.path} textValue={reason ? `${field.path}, not mappable` : field.path}>
      <TreeViewItemContent>
        <Text>
          <span className="select-field-node">
            <span className="select-field-name">{field.name}</span>
            <span className="select-field-type">{typeLabel(field)}</span>
            {mapped.has(field.path) && <span className="select-field-tag">Mapped</span>}
            {reason && <span className="select-field-tag select-field-blocked">Not mappable</span>}
            <span className="select-field-description" title={reason ?? field.description}>
              {reason ?? field.description}
            </span>
          </span>
        </Text>
      </TreeViewItemContent>
      {field.children?.map((child) => (
        <FieldRow key={child.path} field={child} mapped={mapped} />
      ))}
    </TreeViewItem>
  )
}

/**
 * AEP's Select field: the profile union schema as a tree (arrows to move, expand and collapse;
 * Enter or Select to choose), a search by name or path, each field's type and description.
 * identityMap and segmentMembership are shown but cannot be chosen; a path already mapped is
 * refused with a message.
 */
export function SelectFieldDialog({ fields, mapped, onSelect }: SelectFieldDialogProps) {
  const dialog = useDialogContainer()
  const [search, setSearch] = useState('')
  const [expanded, setExpanded] = useState<Set<Key>>(new Set())
  const [selected, setSelected] = useState<string | null>(null)

  const visible = filterTree(fields, search)
  const mappedSet = new Set(mapped)
  const all = flatten(fields)
  const disabledKeys = all.filter((f) => notMappableReason(f) !== null).map((f) => f.path)
  const field = selected ? findField(fields, selected) : undefined
  const duplicate = selected !== null && mapped.includes(selected)

  const changeSearch = (value: string) => {
    setSearch(value)
    setExpanded(new Set(filterTree(fields, value).expanded))
  }
  const choose = (key: Key | null) => setSelected(key === null ? null : String(key))
  const onSelectionChange = (keys: Selection) => {
    if (keys === 'all') return
    const [key] = keys
    choose(key ?? null)
  }
  const onAction = (key: Key) => {
    const target = findField(fields, String(key))
    if (!target || alwaysExportedReason(target)) return
    if (target.children) {
      const next = new Set(expanded)
      if (next.has(target.path)) next.delete(target.path)
      else next.add(target.path)
      setExpanded(next)
      return
    }
    choose(key)
    confirm(target.path)
  }
  const confirm = (path: string | null) => {
    if (!path || mapped.includes(path)) return
    const target = findField(fields, path)
    if (!target || notMappableReason(target)) return
    onSelect(path)
    dialog.dismiss()
  }

  return (
    <Dialog size="L">
      <Heading>Select field</Heading>
      <Divider />
      <Content>
        <Flex direction="column" gap="size-150">
          <SearchField
            label="Search fields"
            autoFocus
            description="Search by field name or path, for example personalEmail.address."
            value={search}
            onChange={changeSearch}
            width="100%"
          />
          <div className="select-field-tree">
            <TreeView
              aria-label="Union schema"
              selectionMode="single"
              selectionStyle="highlight"
              selectedKeys={selected ? [selected] : []}
              onSelectionChange={onSelectionChange}
              disabledKeys={disabledKeys}
              disabledBehavior="selection"
              expandedKeys={expanded}
              onExpandedChange={setExpanded}
              onAction={onAction}
              renderEmptyState={() => <Text>No field matches {search}.</Text>}
              height="size-4600"
            >
              {visible.fields.map((f) => (
                <FieldRow key={f.path} field={f} mapped={mappedSet} />
              ))}
            </TreeView>
          </div>
          <div aria-live="polite">
            {duplicate ? (
              <InlineAlert variant="negative">
                <Heading>Already mapped</Heading>
                <Content>
                  {selected} is already mapped to this destination. An attribute can be mapped only
                  once: select another field.
                </Content>
              </InlineAlert>
            ) : field ? (
              <Text UNSAFE_className="select-field-selection">
                Selected: <code>{field.path}</code> ({typeLabel(field)})
              </Text>
            ) : (
              <Text UNSAFE_className="select-field-selection">No field selected.</Text>
            )}
          </div>
        </Flex>
      </Content>
      <ButtonGroup>
        <Button variant="secondary" onPress={() => dialog.dismiss()}>
          Cancel
        </Button>
        <Button
          variant="accent"
          isDisabled={!field || duplicate || notMappableReason(field) !== null}
          onPress={() => confirm(selected)}
        >
          Select
        </Button>
      </ButtonGroup>
    </Dialog>
  )
}

import './runs.css'
import {
  Cell,
  Column,
  Flex,
  Heading,
  Row,
  Switch,
  TableBody,
  TableHeader,
  TableView,
  Text,
  View,
} from '@adobe/react-spectrum'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useSearchParams } from 'react-router-dom'
import { runsQuery } from '../../api/runs'
import type { Run, RunInfo } from '../../../contracts/engine/runs'
import { formatDateTime } from '../../lib/format'
import { RUN_PARAM } from '../../lib/paths'
import { LoadError } from '../../components/load-error'
import { RunStatusLight } from '../../components/run-status'

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`)

const processingTime = (run: Run) => {
  const { startedAtUTC, completedAtUTC } = run.metrics.durationSummary
  if (completedAtUTC === undefined) return 'In progress'
  const minutes = Math.round((completedAtUTC - startedAtUTC) / 60_000)
  return minutes >= 60
    ? `${Math.round(minutes / 60)} hour${minutes >= 120 ? 's' : ''}`
    : `${minutes} min`
}

const STATUS_LABELS = {
  success: 'Completed',
  failed: 'Failed',
  inProgress: 'Processing',
} as const

function InfoList({ title, items }: { title: string; items: RunInfo[] }) {
  return (
    <>
      <Heading level={3} UNSAFE_style={{ fontSize: 14 }}>
        {title}
      </Heading>
      {items.length === 0 ? (
        <Text>None.</Text>
      ) : (
        <TableView aria-label={title} density="compact" overflowMode="wrap">
          <TableHeader>
            <Column key="code" width={260}>
              Error code
            </Column>
            <Column key="count" width={140} align="end">
              Identities
            </Column>
            <Column key="message">Description</Column>
          </TableHeader>
          <TableBody items={items.map((item) => ({ ...item, key: item.code }))}>
            {(item) => (
              <Row key={item.code}>
                <Cell>{item.code}</Cell>
                <Cell>{item.count.toLocaleString('en-US')}</Cell>
                <Cell>{item.message}</Cell>
              </Row>
            )}
          </TableBody>
        </TableView>
      )}
    </>
  )
}

/**
 * Dataflow runs: one row per hour of streaming activation, its counts and its errors; the run the
 * URL names (`?run=`) is selected and its details shown.
 */
export function RunsTab({ sandbox, flowId }: { sandbox: string; flowId: string }) {
  const runs = useQuery({
    ...runsQuery(sandbox, flowId),
    refetchInterval: (query) =>
      query.state.data?.items.some((run) => run.metrics.statusSummary.status === 'inProgress')
        ? 5000
        : false,
  })
  // The open run is the URL's, so an alert can link to it.
  const [params, setParams] = useSearchParams()
  const selected = params.get(RUN_PARAM)
  const setSelected = (id: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current)
        if (id === null) next.delete(RUN_PARAM)
        else next.set(RUN_PARAM, id)
        return next
      },
      { replace: true },
    )
  const [showExcluded, setShowExcluded] = useState(false)
  if (runs.isError) {
    return <LoadError title="The dataflow runs could not be loaded" error={runs.error} />
  }
  const items = runs.data ?? []
  const total = (pick: (run: Run) => number) => items.reduce((sum, run) => sum + pick(run), 0)
  const run = items.find((r) => r.id === selected)
  const totals = [
    ['Identities activated', total((r) => r.metrics.recordSummary.outputRecordCount)],
    ['Identities excluded', total((r) => r.metrics.recordSummary.skippedRecordCount)],
    ['Identities failed', total((r) => r.metrics.recordSummary.failedRecordCount)],
  ] as const

  return (
    <Flex direction="column" gap="size-200">
      <dl className="exports-counters" aria-label="Dataflow run totals">
        {totals.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value.toLocaleString('en-US')}</dd>
          </div>
        ))}
      </dl>
      <Text>
        Streaming runs are hourly. Identity metrics are estimated for HTTP API, Amazon Kinesis and
        Azure Event Hubs: one identity per exported profile.
      </Text>
      <TableView
        aria-label="Dataflow runs"
        UNSAFE_className="runs-table"
        overflowMode="wrap"
        renderEmptyState={() => (
          <Text>No run yet: runs appear once the dataflow receives profiles.</Text>
        )}
        selectionMode="single"
        selectionStyle="highlight"
        selectedKeys={selected ? [selected] : []}
        onSelectionChange={(keys) => {
          const [key] = keys === 'all' ? [] : [...keys]
          setSelected(key === undefined ? null : String(key))
        }}
      >
        <TableHeader>
          <Column key="start" width={170}>
            Dataflow run start
          </Column>
          <Column key="time">Processing time</Column>
          <Column key="received" align="end">
            Profiles received
          </Column>
          <Column key="activated" align="end">
            Identities activated
          </Column>
          <Column key="excluded" align="end">
            Identities excluded
          </Column>
          <Column key="failed" align="end">
            Identities failed
          </Column>
          <Column key="rate" align="end">
            Activation rate
          </Column>
          <Column key="status" width={130}>
            Status
          </Column>
        </TableHeader>
        <TableBody items={items} loadingState={runs.isPending ? 'loading' : 'idle'}>
          {(r) => {
            const s = r.metrics.recordSummary
            const { status } = r.metrics.statusSummary
            return (
              <Row key={r.id}>
                <Cell>{formatDateTime(r.metrics.durationSummary.startedAtUTC)}</Cell>
                <Cell>{processingTime(r)}</Cell>
                <Cell>{s.inputRecordCount.toLocaleString('en-US')}</Cell>
                <Cell>{s.outputRecordCount.toLocaleString('en-US')}</Cell>
                <Cell>{s.skippedRecordCount.toLocaleString('en-US')}</Cell>
                <Cell>{s.failedRecordCount.toLocaleString('en-US')}</Cell>
                <Cell>{percent(r.activationRate)}</Cell>
                <Cell>
                  <RunStatusLight state={status} label={STATUS_LABELS[status]} />
                </Cell>
              </Row>
            )
          }}
        </TableBody>
      </TableView>
      {run && (
        <View
          borderWidth="thin"
          borderColor="gray-300"
          borderRadius="medium"
          padding="size-200"
          backgroundColor="gray-50"
        >
          <Heading level={2} margin={0} UNSAFE_style={{ fontSize: 18 }}>
            Dataflow run errors
          </Heading>
          <Text>
            Run {run.id} · started {formatDateTime(run.metrics.durationSummary.startedAtUTC)}
          </Text>
          <InfoList title="Failed identities" items={run.metrics.recordSummary.failedInfo} />
          <Switch isSelected={showExcluded} onChange={setShowExcluded} marginTop="size-150">
            Identities excluded
          </Switch>
          {showExcluded && (
            <InfoList title="Excluded identities" items={run.metrics.recordSummary.skippedInfo} />
          )}
        </View>
      )}
    </Flex>
  )
}

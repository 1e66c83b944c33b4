import './alerts.css'
import {
  ActionButton,
  Badge,
  Content,
  Dialog,
  DialogTrigger,
  Divider,
  Header,
  Heading,
  Link,
  ProgressCircle,
  Text,
} from '@adobe/react-spectrum'
import Bell from '@spectrum-icons/workflow/Bell'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { alertsQuery, markAlertsRead } from '../../api/alerts'
import { LoadError } from '../../components/load-error'
import {
  ACTIVATION_SKIPPED_RATE_EXCEEDED,
  DESTINATION_ALERTS,
  SKIPPED_RATE_THRESHOLD_PERCENT,
} from '../../../contracts/destination-alerts'
import type { Alert, AlertList, MarkAlertsRead } from '../../../contracts/engine/alerts'
import { formatDateTime } from '../../lib/format'
import { paths } from '../../lib/paths'

/** How often the bell asks again, so alerts of running traffic appear without a reload. */
const REFRESH_MS = 5_000

const SKIPPED_RATE_ALERT = DESTINATION_ALERTS.find(
  (a) => a.id === ACTIVATION_SKIPPED_RATE_EXCEEDED,
)!

const percent = (rate: number) =>
  rate.toLocaleString('en-US', { style: 'percent', maximumFractionDigits: 2 })

function AlertItem({
  sandbox,
  alert,
  onOpen,
}: {
  sandbox: string
  alert: Alert
  onOpen: (alert: Alert) => void
}) {
  const profiles = alert.receivedCount === 1 ? 'profile' : 'profiles'
  return (
    <li className={alert.read ? 'alerts-item' : 'alerts-item alerts-item-unread'}>
      <div className="alerts-item-title">
        <Link
          href={paths.destinations.run(sandbox, alert.flowId, alert.runId)}
          onPress={() => onOpen(alert)}
        >
          {alert.name}
        </Link>
        {!alert.read && <Badge variant="info">New</Badge>}
      </div>
      <Text>Dataflow: {alert.flowName}</Text>
      <Text>
        Skipped rate {percent(alert.skippedRate)} ({alert.skippedCount.toLocaleString('en-US')} of{' '}
        {alert.receivedCount.toLocaleString('en-US')} {profiles} received)
      </Text>
      <Text UNSAFE_className="alerts-item-time">
        Dataflow run start: {formatDateTime(alert.runStartedAt)}
        {alert.runStatus === 'inProgress' ? ' (in progress)' : ''}
      </Text>
    </li>
  )
}

/**
 * The header's bell: how many alerts are unread, and a popover listing them, each linking to its
 * dataflow run. Opening one marks it read; "Mark all as read" marks them all.
 */
export function AlertsButton({ sandbox }: { sandbox: string }) {
  const queryClient = useQueryClient()
  const alerts = useQuery({ ...alertsQuery(sandbox), refetchInterval: REFRESH_MS })
  const markRead = useMutation({
    mutationFn: (body: MarkAlertsRead) => markAlertsRead(sandbox, body),
    onSuccess: (list: AlertList) => queryClient.setQueryData(alertsQuery(sandbox).queryKey, list),
  })
  const unread = alerts.data?.unread ?? 0

  return (
    <DialogTrigger type="popover" placement="bottom end">
      <ActionButton isQuiet aria-label={unread === 0 ? 'Alerts' : `Alerts, ${unread} unread`}>
        <Bell />
        {unread > 0 && (
          <span className="alerts-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </ActionButton>
      {(close) => (
        <Dialog>
          <Heading>Alerts</Heading>
          <Header>
            <ActionButton
              isQuiet
              isDisabled={unread === 0 || markRead.isPending}
              onPress={() => markRead.mutate({ all: true })}
            >
              Mark all as read
            </ActionButton>
          </Header>
          <Divider />
          <Content>
            {alerts.isPending ? (
              <ProgressCircle aria-label="Loading alerts" isIndeterminate size="S" />
            ) : alerts.isError ? (
              <LoadError title="The alerts could not be loaded" error={alerts.error} />
            ) : alerts.data.items.length === 0 ? (
              <Text>
                No alerts. A dataflow subscribed to {SKIPPED_RATE_ALERT.label} alerts you here when
                more than {SKIPPED_RATE_THRESHOLD_PERCENT}% of the profiles a run receives are
                skipped.
              </Text>
            ) : (
              <ul className="alerts-list" aria-label="Alerts">
                {alerts.data.items.map((alert) => (
                  <AlertItem
                    key={alert.id}
                    sandbox={sandbox}
                    alert={alert}
                    onOpen={(opened) => {
                      if (!opened.read) markRead.mutate({ ids: [opened.id] })
                      close()
                    }}
                  />
                ))}
              </ul>
            )}
          </Content>
        </Dialog>
      )}
    </DialogTrigger>
  )
}

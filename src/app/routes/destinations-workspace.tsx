import { Heading, Item, TabList, TabPanels, Tabs } from '@adobe/react-spectrum'
import { Outlet, useLocation, useParams } from 'react-router-dom'
import { paths } from '../../lib/paths'

const TABS = [
  { key: 'overview', label: 'Overview', href: paths.destinations.overview },
  { key: 'catalog', label: 'Catalog', href: paths.destinations.catalog },
  { key: 'browse', label: 'Browse', href: paths.destinations.browse },
  { key: 'accounts', label: 'Accounts', href: paths.destinations.accounts },
] as const

/** The Destinations workspace: one tab per URL. */
export function Component() {
  const sandbox = useParams().sandbox!
  const { pathname } = useLocation()
  const selected = TABS.find((t) => pathname.startsWith(t.href(sandbox)))?.key ?? 'catalog'
  return (
    <>
      <Heading level={1} marginTop={0} marginBottom="size-200" UNSAFE_style={{ fontSize: 28 }}>
        Destinations
      </Heading>
      <Tabs aria-label="Destinations" selectedKey={selected}>
        <TabList>
          {TABS.map((tab) => (
            <Item key={tab.key} href={tab.href(sandbox)}>
              {tab.label}
            </Item>
          ))}
        </TabList>
        <TabPanels UNSAFE_style={{ paddingTop: 16, overflow: 'visible' }}>
          {TABS.map((tab) => (
            <Item key={tab.key}>
              <Outlet />
            </Item>
          ))}
        </TabPanels>
      </Tabs>
    </>
  )
}

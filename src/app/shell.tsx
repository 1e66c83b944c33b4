import { Flex, Grid, Item, Picker, Text, ToastContainer, View } from '@adobe/react-spectrum'
import type { Key } from 'react'
import { NavLink, Outlet, useLocation, useNavigate, useParams } from 'react-router-dom'
import { AlertsButton } from '../features/alerts/alerts-button'
import { paths, SANDBOXES } from '../lib/paths'
import { ResetDemoData } from './reset-demo-data'
import { SpectrumProvider } from './spectrum-provider'
import './shell.css'

const NAV = [
  {
    section: 'Customer',
    links: [
      { label: 'Audiences', to: (sandbox: string) => paths.audiences(sandbox) },
      { label: 'Profiles', to: (sandbox: string) => paths.profiles(sandbox) },
    ],
  },
  {
    section: 'Connections',
    links: [{ label: 'Destinations', to: (sandbox: string) => paths.home(sandbox) }],
  },
]

function SandboxSwitcher({ sandbox }: { sandbox: string }) {
  const navigate = useNavigate()
  const { pathname } = useLocation()
  const change = (key: Key | null) => {
    if (key === null || key === sandbox) return
    const rest = pathname.split('/').slice(2).join('/')
    void navigate(`/${String(key)}/${rest}`)
  }
  return (
    <Picker
      label="Sandbox"
      labelPosition="side"
      items={SANDBOXES}
      selectedKey={sandbox}
      onSelectionChange={change}
      width="size-3000"
    >
      {(item) => <Item key={item.name}>{item.title}</Item>}
    </Picker>
  )
}

/** The frame of every screen: header with alerts, sandbox switcher and reset, left nav, content. */
export function Shell() {
  const sandbox = useParams().sandbox!
  return (
    <SpectrumProvider>
      <Grid
        areas={['header header', 'nav content']}
        columns={['size-2400', '1fr']}
        rows={['size-700', '1fr']}
        height="100vh"
      >
        <View
          elementType="header"
          gridArea="header"
          backgroundColor="gray-50"
          borderBottomWidth="thin"
          borderColor="gray-300"
          paddingX="size-250"
        >
          <Flex alignItems="center" justifyContent="space-between" height="100%">
            <Flex alignItems="center" gap="size-150">
              <img src="/logos/experience-platform.svg" alt="" width={28} height={28} />
              <Text UNSAFE_className="shell-product">Adobe Experience Platform</Text>
              <Text UNSAFE_className="shell-demo">Demo console</Text>
            </Flex>
            <Flex alignItems="center" gap="size-200">
              <AlertsButton sandbox={sandbox} />
              <SandboxSwitcher sandbox={sandbox} />
              <ResetDemoData sandbox={sandbox} />
            </Flex>
          </Flex>
        </View>
        <nav className="shell-nav" aria-label="Main">
          {NAV.map((group) => (
            <div key={group.section}>
              <h2 className="shell-nav-section">{group.section}</h2>
              <ul>
                {group.links.map((link) => (
                  <li key={link.label}>
                    <NavLink to={link.to(sandbox)}>{link.label}</NavLink>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
        <View gridArea="content" overflow="auto" backgroundColor="gray-75">
          <main className="shell-main">
            <Outlet />
          </main>
        </View>
      </Grid>
      <ToastContainer />
    </SpectrumProvider>
  )
}

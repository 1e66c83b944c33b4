import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { setReceiverScenario } from '../../api/receiver'
import { RECEIVER_SCENARIO_PATH } from '../../../contracts/engine/receiver'
import { renderWithProviders, requestsTo, spyOnFetch } from '../../testing/render'
import { ReceiverScenarioControl } from './receiver-scenario'

const ENDPOINT = 'hooks.example/profiles'

const renderControl = () =>
  renderWithProviders(<ReceiverScenarioControl sandbox="prod" endpoint={ENDPOINT} />)

/** The PUTs that set a scenario. */
const sent = (fetch: ReturnType<typeof spyOnFetch>) =>
  requestsTo(fetch, RECEIVER_SCENARIO_PATH, 'PUT')

async function pickScenario(label: string) {
  await screen.findByText(/answers: Always 200/)
  await userEvent.click(screen.getByRole('button', { name: /Fault scenario/ }))
  await userEvent.click(await screen.findByRole('option', { name: label }))
}

afterEach(() => vi.restoreAllMocks())

describe('ReceiverScenarioControl against the backend in Node', () => {
  it.each([
    [
      'Fail N times, then succeed',
      'Failures',
      '',
      'Enter a whole number of failures from 1 to 100.',
    ],
    [
      'Fail N times, then succeed',
      'Failures',
      '1.5',
      'Enter a whole number of failures from 1 to 100.',
    ],
    [
      '429 with Retry-After',
      'Retry-After (seconds)',
      '',
      'Enter a whole number of seconds from 0 to 60.',
    ],
    [
      '429 with Retry-After',
      'Retry-After (seconds)',
      '2.5',
      'Enter a whole number of seconds from 0 to 60.',
    ],
  ])(
    '%s: marks %s when it holds "%s", and sends nothing',
    async (scenario, label, text, message) => {
      const fetch = spyOnFetch()
      renderControl()
      await pickScenario(scenario)
      const field = screen.getByRole('textbox', { name: label })
      await userEvent.clear(field)
      if (text) await userEvent.type(field, text)
      await userEvent.click(screen.getByRole('button', { name: 'Apply scenario' }))

      expect(await screen.findByText(message)).toBeInTheDocument()
      expect(field).toHaveAttribute('aria-invalid', 'true')
      expect(field).toHaveAccessibleDescription(message)
      expect(screen.queryByText(/Invalid request body/)).not.toBeInTheDocument()
      expect(sent(fetch)).toHaveLength(0)

      // Corrected (NumberField commits on blur), the field is clear again and the scenario is applied.
      await userEvent.clear(field)
      await userEvent.type(field, '3')
      await userEvent.tab()
      expect(field).not.toHaveAttribute('aria-invalid')
      await userEvent.click(screen.getByRole('button', { name: 'Apply scenario' }))
      expect(await screen.findByText(new RegExp(`answers: ${scenario}`))).toBeInTheDocument()
      expect(sent(fetch)).toHaveLength(1)
    },
  )

  it('the API answers a decimal or missing count with a clear message', async () => {
    await expect(
      setReceiverScenario('prod', ENDPOINT, { kind: 'fail-then-succeed', failures: 1.5 }),
    ).rejects.toThrow('failures: Enter a whole number of failures from 1 to 100.')
    await expect(
      setReceiverScenario('prod', ENDPOINT, {
        kind: 'rate-limit',
        retryAfterSeconds: null as unknown as number,
      }),
    ).rejects.toThrow('retryAfterSeconds: Enter a whole number of seconds from 0 to 60.')
  })
})

import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startTraffic } from '../../api/traffic'
import { TRAFFIC_PATH } from '../../../contracts/engine/traffic'
import { renderWithProviders, requestsTo, spyOnFetch } from '../../testing/render'
import { TrafficPanel } from './traffic-panel'

const renderPanel = () => renderWithProviders(<TrafficPanel sandbox="prod" />)

/** The POSTs that started a traffic job. */
const sent = (fetch: ReturnType<typeof spyOnFetch>) => requestsTo(fetch, TRAFFIC_PATH, 'POST')

afterEach(() => vi.restoreAllMocks())

describe('TrafficPanel against the backend in Node', () => {
  it.each([
    ['cleared', '', 'Enter a seed.'],
    ['a decimal', '1.7', 'Enter a whole number.'],
  ])('marks the Seed field when it is %s, and sends nothing', async (_, text, message) => {
    const fetch = spyOnFetch()
    renderPanel()
    const seed = screen.getByRole('textbox', { name: 'Seed' })
    await userEvent.clear(seed)
    if (text) await userEvent.type(seed, text)
    await userEvent.click(screen.getByRole('button', { name: 'Start traffic' }))

    expect(await screen.findByText(message)).toBeInTheDocument()
    expect(seed).toHaveAttribute('aria-invalid', 'true')
    expect(seed).toHaveAccessibleDescription(message)
    expect(sent(fetch)).toHaveLength(0)
  })

  it('marks a decimal rate with the same wording', async () => {
    renderPanel()
    const rate = screen.getByRole('textbox', { name: 'Updates per second' })
    await userEvent.clear(rate)
    await userEvent.type(rate, '2.5')
    await userEvent.click(screen.getByRole('button', { name: 'Start traffic' }))
    expect(await screen.findByText('Enter a whole number.')).toBeInTheDocument()
    expect(rate).toHaveAttribute('aria-invalid', 'true')
  })

  it('the API answers a decimal seed with a clear message', async () => {
    await expect(
      startTraffic('prod', { updatesPerSecond: 1, durationSeconds: 1, seed: 1.7 }),
    ).rejects.toThrow('seed: Enter a whole number.')
  })
})

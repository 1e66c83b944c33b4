import { defaultTheme, Provider } from '@adobe/react-spectrum'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useForm } from 'react-hook-form'
import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import type { JsonSchemaObject } from '../../../contracts/connection-spec'
import {
  kinesisAuthParamsSchema,
  oauth2ClientCredentialsAuthParamsSchema,
} from '../../../contracts/destinations/auth'
import { httpApiTargetParamsSchema } from '../../../contracts/destinations/target'
import { SpecFields } from './spec-fields'
import { specDefaults } from './spec-values'
import { schemaResolver } from './zod-resolver'

/** The JSON Schema a connection spec serves for a zod schema, as the backend generates it. */
const specOf = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'input' }) as unknown as JsonSchemaObject

function Harness({ schema, onValid }: { schema: z.ZodObject; onValid: (v: unknown) => void }) {
  const spec = specOf(schema)
  const form = useForm<{ params: Record<string, unknown> }>({
    defaultValues: { params: specDefaults(spec) },
    resolver: schemaResolver(() => z.object({ params: schema })),
    criteriaMode: 'all',
  })
  return (
    <Provider theme={defaultTheme}>
      <form onSubmit={(event) => void form.handleSubmit((values) => onValid(values))(event)}>
        <SpecFields schema={spec} control={form.control} name="params" />
        <button type="submit">Submit</button>
      </form>
    </Provider>
  )
}

/** A field's accessible name: Spectrum ends required labels with a zero-width space. */
const named = (label: string) => new RegExp(`^${label}[\\s\u200b]*$`)

const renderSpec = (schema: z.ZodObject) => {
  const onValid = vi.fn<(values: unknown) => void>()
  render(<Harness schema={schema} onValid={onValid} />)
  return onValid
}

describe('SpecFields', () => {
  it('renders text fields, a masked secret with show/hide and radio buttons for a short choice', async () => {
    renderSpec(oauth2ClientCredentialsAuthParamsSchema)
    for (const name of ['Access Token URL', 'Client ID']) {
      expect(screen.getByRole('textbox', { name: named(name) })).toBeRequired()
    }
    const secret = screen.getByLabelText(named('Client Secret'), { selector: 'input' })
    expect(secret).toBeRequired()
    expect(secret).toHaveAttribute('type', 'password')
    await userEvent.click(screen.getByRole('button', { name: 'Show Client Secret' }))
    expect(secret).toHaveAttribute('type', 'text')
    await userEvent.click(screen.getByRole('button', { name: 'Hide Client Secret' }))
    expect(secret).toHaveAttribute('type', 'password')
    const type = screen.getByRole('radiogroup', { name: /Client Credentials Type/ })
    expect(
      within(type)
        .getAllByRole('radio')
        .map((r) => r.getAttribute('value')),
    ).toEqual(['BODY_FORM_ENCODED', 'BASIC_AUTHORIZATION'])
  })

  it('shows AEP’s help text next to the label', async () => {
    renderSpec(oauth2ClientCredentialsAuthParamsSchema)
    const type = screen.getByRole('radiogroup', { name: /Client Credentials Type/ })
    await userEvent.click(within(type.parentElement!).getByRole('button', { name: /Information/ }))
    const help = await screen.findByRole('dialog')
    expect(help).toHaveTextContent(
      'Select Body Form Encoded to include the client ID and client secret in the body of the request',
    )
    expect(within(help).getByText('Body Form Encoded').tagName).toBe('STRONG')
  })

  it('shows the schema’s messages under the fields and submits nothing while invalid', async () => {
    const onValid = renderSpec(oauth2ClientCredentialsAuthParamsSchema)
    await userEvent.type(
      screen.getByRole('textbox', { name: named('Access Token URL') }),
      'https://auth.example/token?a=1&b=2',
    )
    await userEvent.click(screen.getByRole('button', { name: 'Submit' }))
    expect(
      screen.getByRole('textbox', { name: named('Access Token URL') }),
    ).toHaveAccessibleDescription('The access token URL can have a maximum of one query parameter.')
    expect(screen.getByRole('textbox', { name: named('Client ID') })).toHaveAccessibleDescription(
      'Enter the client ID.',
    )
    expect(screen.getByText('Select a client credentials type.')).toBeInTheDocument()
    expect(onValid).not.toHaveBeenCalled()
  })

  it('lists every bad header entry, and submits switches as booleans', async () => {
    const onValid = renderSpec(httpApiTargetParamsSchema)
    const headers = screen.getByRole('textbox', { name: named('Headers') })
    await userEvent.type(headers, 'x-team,Host:evil.example')
    await userEvent.type(
      screen.getByRole('textbox', { name: named('HTTP Endpoint') }),
      'https://hooks.example/a',
    )
    await userEvent.click(screen.getByRole('button', { name: 'Submit' }))
    expect(headers).toHaveAccessibleDescription(/x-team has no value/)
    expect(headers).toHaveAccessibleDescription(/Host cannot be set/)

    await userEvent.clear(headers)
    await userEvent.click(screen.getByRole('switch', { name: 'Include Segment Names' }))
    await userEvent.click(screen.getByRole('button', { name: 'Submit' }))
    expect(onValid).toHaveBeenCalledWith({
      params: {
        headers: '',
        httpEndpoint: 'https://hooks.example/a',
        queryParameters: '',
        includeSegmentNames: true,
        includeSegmentTimestamps: false,
      },
    })
  })

  it('uses a picker for a long choice', () => {
    renderSpec(kinesisAuthParamsSchema)
    expect(screen.queryByRole('radiogroup')).toBeNull()
    expect(screen.getByRole('button', { name: /^Select an option Region/ })).toBeInTheDocument()
  })
})

import { Divider, Flex, Heading } from '@adobe/react-spectrum'
import { useEffect, useRef, type ReactNode } from 'react'
import './wizard-frame.css'

export interface WizardStep {
  /** The step's URL slug. */
  id: string
  label: string
}

interface WizardFrameProps {
  /** The workflow's title, e.g. "Configure new destination" or "Activate destination". */
  title: string
  /** What the workflow is about, shown under the title (a destination name and logo). */
  subject?: ReactNode
  steps: readonly WizardStep[]
  current: string
  /** Steps the user may jump back to by clicking them in the step list. */
  onStepSelect?: (id: string) => void
  canSelect?: (id: string) => boolean
  /** The buttons of the bottom bar (Cancel, Back, Next, Finish, ...). */
  actions: ReactNode
  children: ReactNode
}

/**
 * Moves focus to the step's heading (its first `h2`) when the step changes, so keyboard and
 * screen-reader users land on the new step rather than on the button that left the old one. A
 * step that renders its heading later (while it loads) gets the focus once it appears.
 */
function useFocusStepHeading(current: string) {
  const content = useRef<HTMLDivElement>(null)
  const shown = useRef(current)
  useEffect(() => {
    const root = content.current
    if (shown.current === current || !root) return undefined
    shown.current = current
    const focusHeading = () => {
      const heading = root.querySelector<HTMLElement>('h2')
      if (!heading) return false
      heading.tabIndex = -1
      heading.focus()
      return true
    }
    if (focusHeading()) return undefined
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect()
    })
    observer.observe(root, { childList: true, subtree: true })
    return () => observer.disconnect()
  }, [current])
  return content
}

/**
 * The frame of AEP's workflows: a header with the title and the step actions, the list of steps
 * on the left (done, current, to do), and the current step's content.
 */
export function WizardFrame({
  title,
  subject,
  steps,
  current,
  onStepSelect,
  canSelect = () => false,
  actions,
  children,
}: WizardFrameProps) {
  const currentIndex = steps.findIndex((s) => s.id === current)
  const content = useFocusStepHeading(current)
  return (
    <section className="wizard" aria-labelledby="wizard-title">
      <Flex alignItems="center" justifyContent="space-between" gap="size-200" wrap>
        <Flex direction="column" gap="size-50">
          <Heading level={1} id="wizard-title" margin={0} UNSAFE_style={{ fontSize: 24 }}>
            {title}
          </Heading>
          {subject}
        </Flex>
        <Flex gap="size-150" alignItems="center">
          {actions}
        </Flex>
      </Flex>
      <Divider size="S" marginY="size-200" />
      <div className="wizard-body">
        <nav aria-label="Workflow steps">
          <ol className="wizard-steps">
            {steps.map((step, index) => {
              const state =
                index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'todo'
              const selectable = state !== 'current' && canSelect(step.id) && onStepSelect
              return (
                <li key={step.id} data-state={state}>
                  <span className="wizard-step-marker" aria-hidden="true">
                    {state === 'done' ? '✓' : index + 1}
                  </span>
                  {selectable ? (
                    <button type="button" onClick={() => onStepSelect(step.id)}>
                      {step.label}
                    </button>
                  ) : (
                    <span aria-current={state === 'current' ? 'step' : undefined}>
                      {step.label}
                    </span>
                  )}
                </li>
              )
            })}
          </ol>
        </nav>
        <div className="wizard-content" ref={content}>
          {children}
        </div>
      </div>
    </section>
  )
}

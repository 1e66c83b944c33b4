import type { FlowDecision } from '../../contracts/engine/profiles'
import type { Profile } from '../../contracts/profile'
import type { FlowDoc, SandboxStore } from '../store/collections'

/**
 * What happened in a sandbox, as the services publish it once the change is written
 * (docs/architecture.md, "Events"). The runtime subscribes; nothing else tells it of a change.
 */
export type DomainEvent =
  | { type: 'flow.created'; sandbox: SandboxStore; flow: FlowDoc }
  | { type: 'flow.changed'; sandbox: SandboxStore; before: FlowDoc; after: FlowDoc }
  | { type: 'flow.deleted'; sandbox: SandboxStore; flow: FlowDoc }
  | {
      /** A profile update as the export rules read it (`ProfileUpdate`), with the whole profile. */
      type: 'profile.written'
      sandbox: SandboxStore
      before: Profile
      after: Profile
      /** The attribute paths the update wrote, as dot paths. */
      writtenPaths: readonly string[]
    }
  | { type: 'audience.changed'; sandbox: SandboxStore; audienceId: string }
  | {
      type: 'connection.changed'
      sandbox: SandboxStore
      /** An account (base connection) or a target connection. */
      kind: 'account' | 'target'
      id: string
    }

export type DomainEventType = DomainEvent['type']
export type EventOf<K extends DomainEventType> = Extract<DomainEvent, { type: K }>

/** What a subscriber answers, for the events whose publisher reads an answer. */
interface Replies {
  /** What every dataflow decided for the update (the profile update's `exports`). */
  'profile.written': FlowDecision[]
}
export type ReplyOf<K extends DomainEventType> = K extends keyof Replies ? Replies[K] : void

/** A subscriber: one handler per event type it listens to. */
export type Subscriber = { [K in DomainEventType]?: (event: EventOf<K>) => ReplyOf<K> }

type AnyHandler = (event: DomainEvent) => unknown

/** The backend's one synchronous bus of domain events: services publish, the runtime listens. */
export class DomainEvents {
  private readonly handlers = new Map<DomainEventType, AnyHandler[]>()

  /** Adds the subscriber's handlers; returns the function that removes them. */
  subscribe(subscriber: Subscriber): () => void {
    const added: [DomainEventType, AnyHandler][] = []
    for (const [type, handler] of Object.entries(subscriber) as [DomainEventType, AnyHandler][]) {
      const list = this.handlers.get(type) ?? []
      list.push(handler)
      this.handlers.set(type, list)
      added.push([type, handler])
    }
    return () => {
      for (const [type, handler] of added) {
        const list = this.handlers.get(type)
        list?.splice(list.indexOf(handler), 1)
      }
    }
  }

  /** Runs every handler of the event's type, in the order they subscribed; returns their answers. */
  publish<E extends DomainEvent>(event: E): ReplyOf<E['type']>[] {
    const handlers = this.handlers.get(event.type)
    if (!handlers) return []
    const replies: ReplyOf<E['type']>[] = []
    for (const handler of handlers) replies.push(handler(event) as ReplyOf<E['type']>)
    return replies
  }
}

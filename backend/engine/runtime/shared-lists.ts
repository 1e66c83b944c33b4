import type { ExportReason } from '../../../contracts/engine/exports'
import type { PreparedActivation } from '../rules/export/prepare'
import type { ProfileState } from '../rules/export/types'
import {
  audiencesOfSet,
  changedAudiences,
  realizedMappedAudiences,
  realizedSet,
} from '../rules/export/record-fields'

/** How many distinct reason and audience lists are kept for sharing. */
const MAX_SHARED_LISTS = 1000

/**
 * The reason and audience lists of a sandbox's export records, shared between records: most
 * records have the same ones, and one array for many of them adds up over 100,000 records.
 */
export class SharedLists {
  /** Lists of one attribute reason, by its path. */
  private readonly attributeReasons = new Map<string, ExportReason[]>()
  private readonly reasonLists = new Map<string, ExportReason[]>()
  private readonly audienceLists = new Map<string, string[]>()
  /** Per activation, the lists of mapped audiences by the set they form (`realizedSet`). */
  private readonly realizedLists = new WeakMap<PreparedActivation, Map<number, string[]>>()

  /**
   * The same array for the same reasons (most records share theirs), else an exact copy: lists
   * built by pushing keep room for more items. Reasons with identities are copied, never shared.
   */
  reasons(reasons: ExportReason[]): ExportReason[] {
    const [only] = reasons
    if (reasons.length === 1 && only.trigger === 'attribute') {
      return this.shared(only.path, reasons, this.attributeReasons)
    }
    let key = 'reasons'
    for (const reason of reasons) {
      if (reason.trigger === 'identity') return reasons.slice()
      key +=
        reason.trigger === 'attribute'
          ? `|attribute:${reason.path}`
          : reason.trigger === 'segment'
            ? `|segment:${reason.audienceId}:${reason.from}:${reason.to}`
            : `|backfill:${reason.audienceId}`
    }
    return this.shared(key, reasons, this.reasonLists)
  }

  /**
   * The audiences a record concerns, for the Exports tab's audience filter: those whose status
   * changed or that were backfilled; else (an identity or attribute export) the mapped audiences
   * the profile is realized in. Records share the arrays: they must not be changed.
   */
  audiencesOf(
    reasons: readonly ExportReason[],
    prepared: PreparedActivation,
    profile: ProfileState,
  ): string[] {
    const changed = changedAudiences(reasons)
    if (changed.length > 0) return this.shared(changed.join('|'), changed, this.audienceLists)
    const set = realizedSet(prepared, profile)
    if (set === null) return realizedMappedAudiences(prepared, profile)
    let lists = this.realizedLists.get(prepared)
    if (!lists) {
      lists = new Map()
      this.realizedLists.set(prepared, lists)
    }
    let list = lists.get(set)
    if (!list) {
      list = audiencesOfSet(prepared, set)
      lists.set(set, list)
    }
    return list
  }

  private shared<T>(key: string, list: T[], lists: Map<string, T[]>): T[] {
    const found = lists.get(key)
    if (found) return found
    if (lists.size >= MAX_SHARED_LISTS) lists.clear()
    const copy = list.slice()
    lists.set(key, copy)
    return copy
  }
}

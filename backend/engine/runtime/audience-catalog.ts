import type { SandboxStore } from '../../store/collections'
import type { AudienceSummary } from '../rules/export/types'
import { compileAudience, type CompiledAudience } from '../rules/segmentation'

/**
 * The audiences of one sandbox, compiled once: their PQL for streaming segmentation and their
 * summaries for the export rules. `version` changes whenever they are read again after a change.
 */
export class AudienceCatalog {
  version = 0
  summaries: ReadonlyMap<string, AudienceSummary> = new Map()
  compiled: readonly CompiledAudience[] = []

  constructor(private readonly sandbox: SandboxStore) {
    this.refresh()
  }

  /** Reads the audiences again (call after creating one). */
  refresh(): void {
    const audiences = this.sandbox.collection('audiences').all()
    this.summaries = new Map(
      audiences.map(({ id, name, mergePolicyId, createdAt, updatedAt }) => [
        id,
        { id, name, mergePolicyId, createdAt, updatedAt },
      ]),
    )
    this.compiled = audiences.map(compileAudience)
    this.version++
  }
}

import type { CommitBatch, KeyedPersistence, Persistence, StoredDoc } from './persistence'

/** Names the secret fields of a document: the object holding them and their keys. */
export type SecretsOf = (
  stored: StoredDoc,
) => { holder: Record<string, unknown>; keys: Iterable<string> } | null

/** A secret as stored: its JSON, encrypted with AES-GCM under a random IV. */
interface SealedValue {
  iv: Uint8Array<ArrayBuffer>
  ciphertext: ArrayBuffer
}

const isSealed = (value: unknown): value is SealedValue =>
  typeof value === 'object' &&
  value !== null &&
  'ciphertext' in value &&
  value.ciphertext instanceof ArrayBuffer

/** Binds a ciphertext to its place, so a sealed value copied to another document fails to open. */
const placeOf = (doc: StoredDoc, key: string) =>
  new TextEncoder().encode(`${doc.sandbox}\u0000${doc.collection}\u0000${doc.id}\u0000${key}`)

/**
 * Encrypts the secret fields of the documents it stores and decrypts them when they are loaded;
 * every other value is stored as it is. A commit without secrets goes through unchanged, at once.
 * One with secrets copies its puts before it returns (as persistence must), then seals and
 * commits them: the database commits one batch at a time, so batches keep their order.
 */
export class SealedPersistence implements Persistence {
  constructor(
    private readonly inner: KeyedPersistence,
    private readonly secretsOf: SecretsOf,
  ) {}

  async load(sandbox: string): Promise<StoredDoc[]> {
    const docs = await this.inner.load(sandbox)
    const key = await this.inner.secretKey()
    await Promise.all(docs.map((doc) => this.open(doc, key)))
    return docs
  }

  commit(batch: CommitBatch): Promise<void> {
    if (!batch.puts.some((put) => this.secretsOf(put))) return this.inner.commit(batch)
    const puts = structuredClone(batch.puts)
    return this.inner
      .secretKey()
      .then((key) => Promise.all(puts.map((put) => this.seal(put, key))))
      .then(() => this.inner.commit({ ...batch, puts }))
  }

  close(): void {
    this.inner.close()
  }

  private async seal(doc: StoredDoc, key: CryptoKey): Promise<void> {
    const secrets = this.secretsOf(doc)
    if (!secrets) return
    const { holder, keys } = secrets
    for (const name of keys) {
      const value = holder[name]
      if (value === undefined) continue
      const iv = crypto.getRandomValues(new Uint8Array(12))
      const ciphertext = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: placeOf(doc, name) },
        key,
        new TextEncoder().encode(JSON.stringify(value)),
      )
      holder[name] = { iv, ciphertext } satisfies SealedValue
    }
  }

  private async open(doc: StoredDoc, key: CryptoKey): Promise<void> {
    const secrets = this.secretsOf(doc)
    if (!secrets) return
    const { holder, keys } = secrets
    for (const name of keys) {
      const value = holder[name]
      if (!isSealed(value)) continue
      const plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: value.iv, additionalData: placeOf(doc, name) },
        key,
        value.ciphertext,
      )
      holder[name] = JSON.parse(new TextDecoder().decode(plain)) as unknown
    }
  }
}

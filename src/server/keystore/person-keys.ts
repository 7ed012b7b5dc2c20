/**
 * Per-person data keys (crypto-shredding). Every special-category value and the identity code is
 * encrypted under a data key of its person; the data keys are wrapped by a master key and kept in
 * the key store, apart from the data tables. Destroying a person's key makes every copy of their
 * encrypted values unreadable, old database backups included.
 */
export type PersonKeys = {
  /** AES-256-GCM under the person's data key, created on first use; `context` is the AAD. */
  encrypt(personId: string, plaintext: string, context: string): Promise<Buffer>;
  /**
   * Many values of many persons with one key-store lookup and one insert of the keys still to
   * create (bulk paths: an import's batch); in the order given. `newPersons`: the ids were just
   * made, so the lookup is left out (a key that exists anyway is found by the insert and used).
   */
  encryptMany(
    items: readonly { personId: string; plaintext: string; context: string }[],
    options?: { newPersons?: boolean },
  ): Promise<Buffer[]>;
  /** Throws `PersonKeyDestroyedError` when the person's key is gone. */
  decrypt(personId: string, ciphertext: Buffer, context: string): Promise<string>;
  /** Many values of many persons with one key-store lookup; null where the key is gone. */
  decryptMany(
    items: readonly { personId: string; ciphertext: Buffer; context: string }[],
  ): Promise<(string | null)[]>;
  /** Bytes (an attachment) under the person's data key, created on first use. */
  encryptBytes(personId: string, plaintext: Buffer, context: string): Promise<Buffer>;
  /** Throws `PersonKeyDestroyedError` when the person's key is gone. */
  decryptBytes(personId: string, ciphertext: Buffer, context: string): Promise<Buffer>;
  /** Destroys the person's data key, for good: their encrypted values can never be read again. */
  destroy(personId: string): Promise<void>;
};

export class PersonKeyDestroyedError extends Error {
  readonly personId: string;
  constructor(personId: string) {
    super(`The data key of person ${personId} has been destroyed`);
    this.name = 'PersonKeyDestroyedError';
    this.personId = personId;
  }
}

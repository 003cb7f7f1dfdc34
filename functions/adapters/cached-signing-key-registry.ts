import type { SigningKeyRecord } from '../core/model.js';
import type { SigningKeyRegistry } from '../core/ports.js';

/**
 * Keeps the (small, rarely changing) key list in memory for a short time, so verifying a certificate
 * costs one database read, not two. A key marked compromised stops verifying everywhere within `ttlMs`
 * (at once in the instance that marked it).
 */
export class CachedSigningKeyRegistry implements SigningKeyRegistry {
  private cached: { at: number; keys: Promise<SigningKeyRecord[]> } | undefined;

  constructor(
    private readonly inner: SigningKeyRegistry,
    private readonly ttlMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  listKeys(): Promise<SigningKeyRecord[]> {
    if (!this.cached || this.now() - this.cached.at > this.ttlMs) {
      const keys = this.inner.listKeys();
      this.cached = { at: this.now(), keys };
      keys.catch(() => {
        this.cached = undefined;
      });
    }
    return this.cached.keys;
  }

  async getKey(kid: string) {
    const known = (await this.listKeys()).find((key) => key.kid === kid);
    return known ?? this.inner.getKey(kid);
  }

  async addKey(key: SigningKeyRecord) {
    this.cached = undefined;
    return this.inner.addKey(key);
  }

  async updateKey(kid: string, changes: Partial<Omit<SigningKeyRecord, 'kid'>>) {
    this.cached = undefined;
    await this.inner.updateKey(kid, changes);
  }
}

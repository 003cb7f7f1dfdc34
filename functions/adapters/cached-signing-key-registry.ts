import type { SigningKeyRecord } from '../core/model.js';
import type { SigningKeyRegistry } from '../core/ports.js';

/**
 * Keeps the (small, rarely changing) key list in memory, so verifying a certificate costs one database
 * read, not two. Only the first request waits for the list; after `ttlMs` the next request is still
 * answered from memory while the list is read again in the background (no request waits on a refresh).
 * A key marked compromised stops verifying everywhere within `ttlMs` plus one request (at once in the
 * instance that marked it).
 */
export class CachedSigningKeyRegistry implements SigningKeyRegistry {
  private cached: { at: number; keys: Promise<SigningKeyRecord[]> } | undefined;
  private refreshing = false;

  constructor(
    private readonly inner: SigningKeyRegistry,
    private readonly ttlMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  listKeys(): Promise<SigningKeyRecord[]> {
    if (!this.cached) {
      const keys = this.inner.listKeys();
      this.cached = { at: this.now(), keys };
      keys.catch(() => {
        this.cached = undefined;
      });
    } else if (this.now() - this.cached.at > this.ttlMs && !this.refreshing) {
      this.refreshInBackground();
    }
    return this.cached.keys;
  }

  private refreshInBackground() {
    this.refreshing = true;
    this.inner
      .listKeys()
      .then(
        (keys) => {
          this.cached = { at: this.now(), keys: Promise.resolve(keys) };
        },
        // A failed refresh keeps the list we have; the next request tries again.
        () => undefined,
      )
      .finally(() => {
        this.refreshing = false;
      });
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

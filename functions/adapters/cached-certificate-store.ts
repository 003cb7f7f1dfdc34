import type { Certificate } from '../core/model.js';
import type { CertificateStore } from '../core/ports.js';

/**
 * Keeps certificate records read for verification in memory for a moment (one second by default), so
 * a certificate that is being checked many times a second (a QR code on a shared document, a
 * verifier's batch job) costs one database read a second instead of one per request. Only hits are
 * kept: a new certificate is found at once. Every write through this store forgets what it changes,
 * so in one process (the local stack) a revocation shows on the very next request; across Lambda
 * instances it shows within `ttlMs`.
 */
export class CachedCertificateStore implements CertificateStore {
  private readonly records = new Map<string, { at: number; record: Promise<Certificate | undefined> }>();
  private readonly digests = new Map<string, { at: number; number: string }>();

  constructor(
    private readonly inner: CertificateStore,
    private readonly ttlMs = 1_000,
    private readonly now: () => number = Date.now,
    private readonly maxEntries = 10_000,
  ) {}

  getCertificate(number: string): Promise<Certificate | undefined> {
    const cached = this.records.get(number);
    if (cached && this.now() - cached.at < this.ttlMs)
      return cached.record.then((record) => record && structuredClone(record));
    const record = this.inner.getCertificate(number);
    if (this.records.size >= this.maxEntries) this.records.clear();
    this.records.set(number, { at: this.now(), record });
    record.then(
      (found) => {
        if (!found) this.records.delete(number);
      },
      () => this.records.delete(number),
    );
    return record.then((found) => found && structuredClone(found));
  }

  async findByDigest(sha256Hex: string) {
    const cached = this.digests.get(sha256Hex);
    if (cached && this.now() - cached.at < this.ttlMs) return cached.number;
    const number = await this.inner.findByDigest(sha256Hex);
    if (number) {
      if (this.digests.size >= this.maxEntries) this.digests.clear();
      this.digests.set(sha256Hex, { at: this.now(), number });
    }
    return number;
  }

  private forget(...numbers: string[]) {
    for (const number of numbers) this.records.delete(number);
  }

  async createCertificate(certificate: Certificate) {
    this.forget(certificate.number);
    return this.inner.createCertificate(certificate);
  }

  findByCompletion(completionKey: string) {
    return this.inner.findByCompletion(completionKey);
  }

  async updateCertificate(number: string, changes: Partial<Omit<Certificate, 'number'>>) {
    this.forget(number);
    await this.inner.updateCertificate(number, changes);
    this.forget(number);
  }

  async supersede(oldNumber: string, corrected: Certificate) {
    this.forget(oldNumber, corrected.number);
    const done = await this.inner.supersede(oldNumber, corrected);
    this.forget(oldNumber, corrected.number);
    return done;
  }

  async revoke(number: string, revocation: { at: string; reason: string; by: string }) {
    this.forget(number);
    const done = await this.inner.revoke(number, revocation);
    this.forget(number);
    return done;
  }

  listCertificates() {
    return this.inner.listCertificates();
  }
  listNumbersExpiringOn(day: string) {
    return this.inner.listNumbersExpiringOn(day);
  }
}

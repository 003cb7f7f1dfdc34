import { afterAll, describe, expect, it } from 'vitest';
import { ReactPdfCertificateRenderer } from '../../functions/adapters/render/react-pdf-renderer.js';
import { WorkerPoolCertificateRenderer } from '../../functions/adapters/render/worker-pool-renderer.js';
import type { CertificateDocumentInput } from '../../functions/core/ports.js';

/** The local stack's renderer: react-pdf in worker threads, behind the same port, with the same bytes. */

const input = (holderName: string): CertificateDocumentInput => ({
  number: 'ABCDEFGHJKMNPQRSTVWXYZ012',
  holderName,
  courseTitle: 'Project Management Essentials',
  courseDescription: 'Planning, scheduling and delivering projects.',
  completedAt: '2026-11-30T10:00:00Z',
  issuedAt: '2026-12-01T09:00:00Z',
  signatory: { name: 'Lindiwe Mokoena', title: 'Director of Training, SayPro' },
  verificationUrl: 'https://verify.example/verify/ABCDEFGHJKMNPQRSTVWXYZ012',
});

const pool = new WorkerPoolCertificateRenderer({ size: 2 });
afterAll(() => pool.close());

describe('the render worker pool', () => {
  it('renders the same bytes as the in-process renderer, several at once', async () => {
    const names = ['Kea Mokoena', 'Thandiwe Dlamini', 'Sipho Nkosi', 'Naledi Khumalo'];
    const pooled = await Promise.all(names.map((name) => pool.render(input(name))));
    const local = new ReactPdfCertificateRenderer();
    for (const [index, name] of names.entries()) {
      const expected = await local.render(input(name));
      expect(Buffer.from(pooled[index]!).equals(Buffer.from(expected)), name).toBe(true);
    }
    expect(Buffer.from(pooled[0]!).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);

  it('refuses renders once closed', async () => {
    const closing = new WorkerPoolCertificateRenderer({ size: 1 });
    await closing.close();
    await expect(closing.render(input('Late'))).rejects.toThrow(/closed/);
  });
});

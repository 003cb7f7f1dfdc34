import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, HeadBucketCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createS3Client, S3DocumentStore } from '../../functions/adapters/aws/s3-document-store.js';
import { type LocalService, startS3rver } from '../../functions/local/services.js';

const BUCKET = 'certificate-documents';

/** Every byte value, a PDF header and 1 MB of random bytes: any re-encoding or framing shows. */
function pdfLikeDocument(): Uint8Array {
  const allByteValues = Uint8Array.from({ length: 256 }, (_, i) => i);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'),
      allByteValues,
      randomBytes(1024 * 1024),
    ]),
  );
}

describe('S3DocumentStore against s3rver', () => {
  let s3rver: LocalService;
  let client: S3Client;
  let store: S3DocumentStore;

  beforeAll(async () => {
    s3rver = await startS3rver({});
    client = createS3Client({ region: 'eu-west-1', endpoint: s3rver.endpoint });
    await client.send(new CreateBucketCommand({ Bucket: BUCKET }));
    store = new S3DocumentStore(client, BUCKET);
  });

  afterAll(async () => {
    client?.destroy();
    await s3rver?.stop();
  });

  it('stores a binary document and returns it byte for byte, with its content type and metadata', async () => {
    const document = pdfLikeDocument();
    await store.put('certificates/SP-1.pdf', document, 'application/pdf', {
      certificate: 'SP-1',
      sha256: 'abc',
    });

    const readBack = await store.get('certificates/SP-1.pdf');
    expect(readBack).toBeInstanceOf(Uint8Array);
    expect(readBack?.byteLength).toBe(document.byteLength);
    expect(Buffer.from(readBack as Uint8Array).equals(Buffer.from(document))).toBe(true);

    const head = await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'certificates/SP-1.pdf' }));
    expect(head.ContentType).toBe('application/pdf');
    expect(head.ContentLength).toBe(document.byteLength);
    expect(head.Metadata).toEqual({ certificate: 'SP-1', sha256: 'abc' });
  });

  it('returns undefined for a key that does not exist', async () => {
    await expect(store.get('certificates/missing.pdf')).resolves.toBeUndefined();
  });

  it('gives a presigned URL that downloads the same bytes as an attachment with the given file name', async () => {
    const document = pdfLikeDocument();
    await store.put('certificates/SP-2.pdf', document, 'application/octet-stream');

    const url = await store.temporaryDownloadUrl('certificates/SP-2.pdf', 'SayPro certificate SP-2.pdf', 300);
    expect(url.startsWith(`${s3rver.endpoint}/${BUCKET}/certificates/SP-2.pdf?`)).toBe(true);
    expect(new URL(url).searchParams.get('X-Amz-Expires')).toBe('300');

    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="SayPro certificate SP-2.pdf"',
    );
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const downloaded = Buffer.from(await response.arrayBuffer());
    expect(downloaded.equals(Buffer.from(document))).toBe(true);
  });

  it('keeps a non-ASCII file name in filename* and an ASCII fallback in filename', async () => {
    await store.put('certificates/SP-3.pdf', pdfLikeDocument(), 'application/pdf');
    const url = await store.temporaryDownloadUrl('certificates/SP-3.pdf', 'Zoë "Ngcobo".pdf', 60);

    const response = await fetch(url);
    await response.arrayBuffer();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="Zo_ _Ngcobo_.pdf"; filename*=UTF-8''Zo%C3%AB%20%22Ngcobo%22.pdf`,
    );
  });

  it('gives a URL that stops working once it has expired', async () => {
    // s3rver checks expiry (though not V4 signatures), so sign as if ten minutes ago.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() - 10 * 60 * 1000);
    let url: string;
    try {
      url = await store.temporaryDownloadUrl('certificates/SP-2.pdf', 'x.pdf', 60);
    } finally {
      vi.useRealTimers();
    }
    const response = await fetch(url);
    const body = await response.text();
    expect(response.status).toBe(403);
    expect(body).toContain('Request has expired');
  });
});

describe('s3rver on a data folder a crash left behind', () => {
  it('comes up, keeps every whole object, and sets a half-written one aside', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 's3rver-crash-'));
    try {
      let s3rver = await startS3rver({ dataDir });
      let client = createS3Client({ region: 'eu-west-1', endpoint: s3rver.endpoint });
      await client.send(new CreateBucketCommand({ Bucket: BUCKET }));
      let store = new S3DocumentStore(client, BUCKET);
      await store.put('certificates/whole.pdf', new TextEncoder().encode('%PDF whole'), 'application/pdf');
      await store.put('certificates/cut.pdf', new TextEncoder().encode('%PDF cut'), 'application/pdf');
      client.destroy();
      await s3rver.stop();
      // What kill -9 during a write leaves: an empty metadata file.
      const damaged = join(dataDir, BUCKET, 'certificates', 'cut.pdf._S3rver_metadata.json');
      await writeFile(damaged, '');

      s3rver = await startS3rver({ dataDir });
      client = createS3Client({ region: 'eu-west-1', endpoint: s3rver.endpoint });
      store = new S3DocumentStore(client, BUCKET);
      await client.send(new HeadBucketCommand({ Bucket: BUCKET }));
      expect(new TextDecoder().decode(await store.get('certificates/whole.pdf'))).toBe('%PDF whole');
      expect(await store.get('certificates/cut.pdf')).toBeUndefined();
      expect(await readdir(join(`${dataDir}-damaged`, BUCKET, 'certificates'))).toContain(
        'cut.pdf._S3rver_object',
      );
      client.destroy();
      await s3rver.stop();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
      await rm(`${dataDir}-damaged`, { recursive: true, force: true });
    }
  });
});

import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { DocumentStore } from '../../core/ports.js';

/** Certificate PDFs (and any other documents) kept as S3 objects. */
export class S3DocumentStore implements DocumentStore {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    /**
     * Asks S3 to encrypt each object with this key. Unset, the bucket's default encryption applies,
     * which is how the deployed bucket is set up; s3rver ignores encryption either way.
     */
    private readonly options: { kmsKeyId?: string } = {},
  ) {}

  async put(
    key: string,
    body: Uint8Array,
    contentType: string,
    metadata?: Record<string, string>,
  ): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: body,
        ContentLength: body.byteLength,
        ContentType: contentType,
        Metadata: metadata,
        ...(this.options.kmsKeyId
          ? { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: this.options.kmsKeyId }
          : {}),
      }),
    );
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!response.Body) throw new Error(`S3 returned no body for ${this.bucket}/${key}`);
      return await response.Body.transformToByteArray();
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: unknown }).name === 'NoSuchKey') return undefined;
      throw error;
    }
  }

  /**
   * Lists the key's versions and delete markers and deletes each by its version id (a plain delete in a
   * versioned bucket would only hide the object behind a marker). A store that cannot list versions
   * (s3rver answers 405) keeps none: then the object itself is deleted, if it is there. Asked again, it
   * finds nothing and returns 0. Needs s3:ListBucketVersions, s3:DeleteObjectVersion and s3:DeleteObject only.
   */
  async deleteAllVersions(key: string): Promise<number> {
    let versions: { VersionId?: string }[];
    try {
      versions = await this.listVersionsOf(key);
    } catch (error) {
      if (!isUnsupported(error)) throw error;
      return this.deleteUnversioned(key);
    }
    for (const { VersionId } of versions) {
      await this.client.send(
        new DeleteObjectCommand({
          Bucket: this.bucket,
          Key: key,
          ...(VersionId && VersionId !== 'null' ? { VersionId } : {}),
        }),
      );
    }
    return versions.length;
  }

  private async listVersionsOf(key: string) {
    const found: { VersionId?: string }[] = [];
    let KeyMarker: string | undefined;
    let VersionIdMarker: string | undefined;
    for (;;) {
      const page = await this.client.send(
        new ListObjectVersionsCommand({ Bucket: this.bucket, Prefix: key, KeyMarker, VersionIdMarker }),
      );
      // Prefix matches longer keys too (`v1.pdf` and `v1.pdf.bak`): keep the exact key only.
      for (const entry of [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])])
        if (entry.Key === key) found.push({ ...(entry.VersionId ? { VersionId: entry.VersionId } : {}) });
      if (!page.IsTruncated) return found;
      KeyMarker = page.NextKeyMarker;
      VersionIdMarker = page.NextVersionIdMarker;
    }
  }

  private async deleteUnversioned(key: string): Promise<number> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status === 404 || (error as { name?: string }).name === 'NotFound') return 0;
      throw error;
    }
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    return 1;
  }

  async temporaryDownloadUrl(key: string, fileName: string, expiresInSeconds: number): Promise<string> {
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ResponseContentDisposition: attachmentDisposition(fileName),
      ResponseContentType: 'application/pdf',
    });
    return getSignedUrl(this.client, command, { expiresIn: expiresInSeconds });
  }
}

/** s3rver and other stand-ins answer an API they lack with NotImplemented (501) or a 405. */
function isUnsupported(error: unknown): boolean {
  const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return name === 'NotImplemented' || $metadata?.httpStatusCode === 501 || $metadata?.httpStatusCode === 405;
}

/**
 * `attachment; filename="…"` with a plain-ASCII name every browser reads, plus the exact UTF-8 name
 * in `filename*` (RFC 6266) when the name has characters the quoted form cannot carry.
 */
export function attachmentDisposition(fileName: string): string {
  const asciiName = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  if (asciiName === fileName) return `attachment; filename="${fileName}"`;
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encoded}`;
}

/**
 * An S3 client for AWS, or for s3rver when `endpoint` is given.
 */
export function createS3Client(options: { region: string; endpoint?: string }): S3Client {
  if (!options.endpoint) return new S3Client({ region: options.region, maxAttempts: 3 });
  return new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    maxAttempts: 3,
    // s3rver serves buckets by path only, and accepts only its own fixed key pair.
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    // With the SDK's default (WHEN_SUPPORTED) checksums, uploads are sent aws-chunked, and s3rver
    // stores that framing inside the object: silently corrupted files.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/**
 * Reads the first file part of a multipart/form-data body (the verification page's upload form).
 * Small on purpose: one file, no streaming; API Gateway bodies are at most 10 MB anyway.
 */
export function firstUploadedFile(
  body: Buffer,
  contentType: string,
): { contentType: string; bytes: Buffer } | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) return undefined;
  const delimiter = Buffer.from(`--${marker}`);
  let position = body.indexOf(delimiter);
  while (position !== -1) {
    const headerStart = position + delimiter.length + 2; // skip CRLF after the delimiter
    const headerEnd = body.indexOf('\r\n\r\n', headerStart);
    if (headerEnd === -1) return undefined;
    const headers = body.subarray(headerStart, headerEnd).toString('utf8');
    const next = body.indexOf(delimiter, headerEnd + 4);
    if (next === -1) return undefined;
    if (/filename=/i.test(headers)) {
      const partType = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim() ?? 'application/octet-stream';
      return { contentType: partType, bytes: body.subarray(headerEnd + 4, next - 2) }; // drop CRLF before the delimiter
    }
    position = next;
  }
  return undefined;
}

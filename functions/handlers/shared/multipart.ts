/** The first file part of a form, or what is wrong with the form, naming the field or header at fault. */
export type MultipartReading =
  | { ok: true; file: { contentType: string; bytes: Buffer } }
  | { ok: false; field: string; problem: string };

const refuse = (field: string, problem: string): MultipartReading => ({ ok: false, field, problem });

/**
 * Reads the first file part of a multipart/form-data body (the verification page's upload form).
 * Small on purpose: one file, no streaming; API Gateway bodies are at most 10 MB anyway. A form cut
 * short (no closing boundary, part headers unfinished) is refused rather than read as far as it goes:
 * a truncated upload must not be checked as if it were the whole file.
 */
export function firstUploadedFile(body: Buffer, contentType: string): MultipartReading {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) return refuse('content-type', 'multipart/form-data needs a boundary parameter');
  const delimiter = Buffer.from(`--${marker}`);
  const nextDelimiter = Buffer.from(`\r\n--${marker}`);
  /** The next delimiter line from `from`: `--boundary` followed by CRLF, or by `--` when it closes the form. */
  const delimiterAfter = (from: number) => {
    for (let at = body.indexOf(nextDelimiter, from); at !== -1; at = body.indexOf(nextDelimiter, at + 1)) {
      const tail = body.subarray(at + nextDelimiter.length, at + nextDelimiter.length + 2).toString('latin1');
      if (tail === '\r\n' || tail === '--') return at;
    }
    return -1;
  };
  let position = body.indexOf(delimiter);
  if (position === -1)
    return refuse('(body)', `the form holds no part: its boundary ${marker} never appears`);
  let unnamedFile: string | undefined;
  let file: { contentType: string; bytes: Buffer } | undefined;
  for (;;) {
    const after = position + delimiter.length;
    if (body.subarray(after, after + 2).toString('latin1') === '--') break; // the closing boundary
    const headerStart = after + 2; // skip CRLF after the delimiter
    const headerEnd = body.indexOf('\r\n\r\n', headerStart);
    if (headerEnd === -1) return refuse('(body)', "the form is cut short inside a part's headers");
    const next = delimiterAfter(headerEnd + 4);
    if (next === -1) return refuse('(body)', 'the form is cut short: its closing boundary is missing');
    const headers = body.subarray(headerStart, headerEnd).toString('utf8');
    if (!file) {
      if (/filename\*?=/i.test(headers)) {
        const partType =
          /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim() ?? 'application/octet-stream';
        file = { contentType: partType, bytes: body.subarray(headerEnd + 4, next) };
      } else {
        unnamedFile ??= /\bname="([^"]*)"/i.exec(headers)?.[1];
      }
    }
    position = next + 2; // the delimiter, past the CRLF that belongs to it
  }
  if (!file)
    return unnamedFile === undefined
      ? refuse('document', 'the form holds no file: choose a PDF or credential file')
      : refuse('document', `the part "${unnamedFile}" has no filename, so it holds no file upload`);
  if (file.bytes.length === 0) return refuse('document', 'the uploaded file is empty');
  return { ok: true, file };
}

// Answers from receivers and hubs are hostile input: never buffer more of a body than needed.

/** Reads a whole body up to maxBytes; null (and the stream cancelled) when it is longer. */
export async function readBodyBounded(
  response: Response,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    return null;
  }
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return all;
}

/** The first chunk of a body as text, cut to maxChars; '' when there is none or it fails. */
export async function readExcerpt(response: Response, maxChars: number): Promise<string> {
  try {
    const reader = response.body?.getReader();
    if (!reader) return '';
    const { value } = await reader.read();
    await reader.cancel().catch(() => {});
    return new TextDecoder().decode(value ?? new Uint8Array()).slice(0, maxChars);
  } catch {
    return '';
  }
}

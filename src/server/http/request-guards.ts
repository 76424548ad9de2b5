// Checks made on a request before anything reads or parses it: where it comes from, what it
// carries and how much. Route handlers that act on the session cookie use them.

/**
 * Whether a browser sent this request from another site. Browsers send Origin with every POST,
 * PUT and DELETE (and Sec-Fetch-Site with everything); a request with neither comes from a
 * program, not from a page, so it carries no victim's cookies by accident.
 */
export function isCrossSite(request: Request, appUrl: string): boolean {
  const origin = request.headers.get("origin");
  if (origin !== null) return origin !== new URL(appUrl).origin && origin !== new URL(request.url).origin;
  const site = request.headers.get("sec-fetch-site");
  return site === "cross-site";
}

/**
 * Whether a browser sent this request from the site's own pages, strictly: the Origin header must
 * be there and be ours. For route handlers that change something on the session cookie's
 * authority (uploads, imports): browsers always send Origin with POST, PUT and DELETE.
 */
export function isFromOwnSite(request: Request, appUrl: string): boolean {
  const origin = request.headers.get("origin");
  return origin !== null && (origin === new URL(appUrl).origin || origin === new URL(request.url).origin);
}

/** The body types an HTML form can send across sites without asking (CORS "simple" requests). */
const FORM_TYPES = /^(multipart\/form-data|application\/x-www-form-urlencoded|text\/plain)\b/i;
export const isFormBody = (request: Request) => FORM_TYPES.test(request.headers.get("content-type") ?? "");

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`request body over ${limit} bytes`);
    this.name = "BodyTooLargeError";
  }
}

/**
 * The body as bytes, refused (BodyTooLargeError) as soon as it passes `limit`: by its declared
 * Content-Length before reading, or while reading when it has none or lies.
 */
export async function readBodyWithin(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLargeError(limit);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

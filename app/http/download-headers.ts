/**
 * The headers of every download SoleSource serves (CSV exports, PDF records, ZIPs of records,
 * supporting documents): an attachment under a file name any browser can save, never cached by a
 * proxy nor kept by the browser (they hold justifications and amounts), and not sniffed into another
 * type. Client-safe, pure.
 */
export function downloadHeaders(contentType: string, fileName: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Disposition': attachmentDisposition(fileName),
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
  }
}

// Control characters and path separators are no part of a name to save a file under.
const NOT_IN_A_NAME = /[\u0000-\u001F\u007F-\u009F/\\]/g
// Half of a UTF-16 pair: no character at all, and encodeURIComponent throws on it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/**
 * `Content-Disposition: attachment` under a name, always in both forms (RFC 6266): `filename` holds
 * the closest ASCII stand-in for old clients ("Offre Müller.pdf" → "Offre_Muller.pdf": accents dropped
 * where they can be, anything else outside [A-Za-z0-9._-] becomes "_", so no quote, `;`, `=`, slash or
 * line break can end the parameter), and `filename*` the whole name (spaces, accents, any script),
 * encoded as RFC 8187 says, which browsers prefer.
 */
export function attachmentDisposition(fileName: string): string {
  const name = fileName.replace(LONE_SURROGATE, '_').replace(NOT_IN_A_NAME, '_')
  return `attachment; filename="${asciiStandIn(name)}"; filename*=UTF-8''${encodeExtValue(name)}`
}

function asciiStandIn(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]/g, '_')
}

// RFC 8187 attr-char: encodeURIComponent leaves ' ( ) * ! unencoded, which the grammar does not allow
// (except !), so those are escaped too.
function encodeExtValue(text: string): string {
  return encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

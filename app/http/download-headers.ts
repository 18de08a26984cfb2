/**
 * The headers of every download SoleSource serves (CSV exports, PDF records, ZIPs of records): an
 * attachment under a file name any browser can save, never cached by a proxy nor kept by the browser
 * (they hold justifications and amounts), and not sniffed into another type. Client-safe, pure.
 *
 * The file name: `filename` holds an ASCII stand-in (anything but letters, digits, `.`, `_` and `-`
 * becomes `_`, so no quote, slash or line break reaches the header); a name with other than ASCII in
 * it ("Offre-Müller.csv") is also given whole as `filename*` (RFC 6266, encoded as RFC 8187 says),
 * which browsers prefer to the stand-in.
 */
export function downloadHeaders(contentType: string, fileName: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Disposition': attachment(fileName),
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
  }
}

const NOT_SAFE_ASCII = /[^A-Za-z0-9._-]/g
const NON_ASCII = /[^\x00-\x7F]/
// Control characters and path separators are no part of a name to save a file under.
const NOT_IN_A_NAME = /[\u0000-\u001F\u007F/\\]/g

function attachment(fileName: string): string {
  const plain = `attachment; filename="${fileName.replace(NOT_SAFE_ASCII, '_')}"`
  if (!NON_ASCII.test(fileName)) return plain
  return `${plain}; filename*=UTF-8''${encodeExtValue(fileName.replace(NOT_IN_A_NAME, '_'))}`
}

// RFC 8187 attr-char: encodeURIComponent leaves ' ( ) * ! unencoded, which the grammar does not allow
// (except !), so those are escaped too.
function encodeExtValue(text: string): string {
  return encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

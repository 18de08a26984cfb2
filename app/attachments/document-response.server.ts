import { downloadHeaders } from '~/http/download-headers'

/** A supporting document ready to be served: its name and sniffed type as recorded, its bytes as a stream (none for a HEAD request). */
export type DocumentToServe = { fileName: string; mediaType: string; sizeBytes: number; body: ReadableStream<Uint8Array> | null }

/**
 * The response of every document download: the bytes streamed as they are read from the store (never
 * whole in memory), with the headers of documentHeaders.
 */
export function documentResponse(document: DocumentToServe): Response {
  return new Response(document.body, { status: 200, headers: documentHeaders(document) })
}

/**
 * The headers of a document download. A document is someone else's file served from our origin, so
 * nothing in it may run as a page of ours: always an attachment, never sniffed, a type no browser
 * renders as a document, and sandboxed with no resources should a browser render it all the same.
 * Never cached (the documents of a justification are not public).
 */
export function documentHeaders({ fileName, mediaType, sizeBytes }: Pick<DocumentToServe, 'fileName' | 'mediaType' | 'sizeBytes'>): Record<string, string> {
  const name = safeFileName(fileName)
  return {
    ...downloadHeaders(servedMediaType(mediaType), name),
    'Content-Security-Policy': "sandbox; default-src 'none'",
    'Content-Length': String(sizeBytes),
  }
}

const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/

/** The sniffed type, unless a browser could render it as a page: then plain bytes. Parameters are dropped. */
export function servedMediaType(mediaType: string): string {
  const type = mediaType.split(';')[0]!.trim().toLowerCase()
  if (!MEDIA_TYPE.test(type) || rendersAsPage(type)) return 'application/octet-stream'
  return type
}

// What a browser would show as a page or run as a script: any text, multipart/x-mixed-replace, HTML,
// XHTML, SVG and any other XML (by the subtype, not a substring: "vnd.openxmlformats-…" is a Word
// document), scripts.
function rendersAsPage(type: string): boolean {
  const [top, sub = ''] = type.split('/')
  if (top === 'text' || top === 'multipart') return true
  if (sub === 'xml' || sub.startsWith('xml-') || sub.endsWith('+xml')) return true
  return /html|javascript|ecmascript/.test(sub)
}

// Control characters (CR and LF among them), quotes, and the characters that reorder what is shown
// (a name "invoice‮fdp.exe" would read as "invoiceexe.pdf").
const NOT_IN_A_NAME = /[\u0000-\u001F\u007F-\u009F"\u200E\u200F\u202A-\u202E\u2066-\u2069]/g

// Half of a UTF-16 pair: no character at all, and encodeURIComponent throws on it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/**
 * The name to save the file under: its last path part only (no folder of the reader's can be named),
 * without control characters, quotes or leading dots, and never empty.
 */
export function safeFileName(fileName: string): string {
  const lastPart = fileName.split(/[/\\]/).pop() ?? ''
  const cleaned = lastPart.replace(LONE_SURROGATE, '').replace(NOT_IN_A_NAME, '').trim().replace(/^\.+/, '').trim()
  // Cut by characters, not UTF-16 units, so no accent or emoji is cut in half.
  return cleaned.length > 0 ? Array.from(cleaned).slice(0, 200).join('') : 'document'
}

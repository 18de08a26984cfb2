/**
 * Which supporting documents SoleSource takes, judged from their bytes (the server sniffs them with
 * `file-type`, plus the e-mail sniffer below), never from the name or the browser's word. Client-safe:
 * the upload form says what it takes (forms:documents.accepted) and filters the picker with `FILE_INPUT_ACCEPT`.
 *
 * Refusals are messages (forms:documents.type.*), said in the uploader's language.
 *
 * Refused on purpose: macro-enabled office files (their macros run code), HTML and SVG (a browser runs
 * their scripts), scripts, executables and archives (they hide what they contain).
 */
import { message } from '~/i18n/message'

/** A kind of file we accept: the names it may carry and the media type it is stored and served as. */
type AllowedType = { label: string; extensions: readonly string[]; mediaType: string }

const allowed = {
  pdf: { label: 'PDF document', extensions: ['pdf'], mediaType: 'application/pdf' },
  png: { label: 'PNG image', extensions: ['png'], mediaType: 'image/png' },
  jpg: { label: 'JPEG image', extensions: ['jpg', 'jpeg'], mediaType: 'image/jpeg' },
  gif: { label: 'GIF image', extensions: ['gif'], mediaType: 'image/gif' },
  webp: { label: 'WebP image', extensions: ['webp'], mediaType: 'image/webp' },
  tif: { label: 'TIFF image', extensions: ['tif', 'tiff'], mediaType: 'image/tiff' },
  heic: { label: 'HEIC/HEIF photo', extensions: ['heic', 'heif'], mediaType: 'image/heic' },
  docx: { label: 'Word document', extensions: ['docx'], mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xlsx: { label: 'Excel workbook', extensions: ['xlsx'], mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  pptx: { label: 'PowerPoint presentation', extensions: ['pptx'], mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' },
  odt: { label: 'OpenDocument text', extensions: ['odt'], mediaType: 'application/vnd.oasis.opendocument.text' },
  ods: { label: 'OpenDocument spreadsheet', extensions: ['ods'], mediaType: 'application/vnd.oasis.opendocument.spreadsheet' },
  odp: { label: 'OpenDocument presentation', extensions: ['odp'], mediaType: 'application/vnd.oasis.opendocument.presentation' },
  eml: { label: 'e-mail (.eml)', extensions: ['eml'], mediaType: 'message/rfc822' },
} satisfies Record<string, AllowedType>

// Legacy Word/Excel/PowerPoint files and Outlook messages share one container (Compound File Binary):
// its bytes say "CFB", the name says which application wrote it.
const compoundFiles = {
  doc: { label: 'Word 97–2003 document', extensions: ['doc'], mediaType: 'application/msword' },
  xls: { label: 'Excel 97–2003 workbook', extensions: ['xls'], mediaType: 'application/vnd.ms-excel' },
  ppt: { label: 'PowerPoint 97–2003 presentation', extensions: ['ppt'], mediaType: 'application/vnd.ms-powerpoint' },
  msg: { label: 'Outlook message (.msg)', extensions: ['msg'], mediaType: 'application/vnd.ms-outlook' },
} satisfies Record<string, AllowedType>

/**
 * The types refused on purpose that a refusal names, with why (forms:documents.kinds.<type>, in the
 * reader's language; the accepted types are named there too).
 */
const refusedTypes = new Set(['docm', 'dotm', 'xlsm', 'xltm', 'pptm', 'potm', 'ppsm', 'html', 'svg', 'xml', 'script', 'exe', 'elf', 'macho', 'zip', 'rar', '7z', 'gz', 'tar'])

const everyAllowed: AllowedType[] = [...Object.values(allowed), ...Object.values(compoundFiles)]

/** For `<input type=file accept=…>`: the extensions we take (the picker only; the server decides). */
export const FILE_INPUT_ACCEPT = everyAllowed.flatMap((type) => type.extensions.map((extension) => `.${extension}`)).join(',')

/** What a sniffer found in the bytes (file-type's answer, or ours); undefined when nothing matched. */
export type SniffedType = { ext: string; mime: string } | undefined

export type FileVerdict = { ok: true; mediaType: string; label: string } | { ok: false; message: string }

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.')
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : ''
}

/** The type a message can name (forms:documents.kinds.<type>), or null for one it can only call by its extension. */
function namedKind(ext: string): string | null {
  return Object.hasOwn(allowed, ext) || Object.hasOwn(compoundFiles, ext) || refusedTypes.has(ext) ? ext : null
}

/**
 * The verdict on a received file from what its bytes are (`sniffed`) and the name it came with: its
 * type must be on the list, and the name's extension must say the same type, so that nobody opens
 * "quote.pdf" and gets a program (or an image they did not expect).
 */
export function judgeFileType(fileName: string, sniffed: SniffedType): FileVerdict {
  const extension = extensionOf(fileName)
  if (!sniffed) {
    return { ok: false, message: message('forms:documents.type.unknown', { fileName }) }
  }
  if (sniffed.ext === 'cfb') {
    const type = Object.values(compoundFiles).find((candidate) => candidate.extensions.includes(extension))
    if (type) return { ok: true, mediaType: type.mediaType, label: type.label }
    return { ok: false, message: message('forms:documents.type.oldOffice', { fileName }) }
  }
  const type = (allowed as Record<string, AllowedType>)[sniffed.ext]
  if (!type) {
    const kind = namedKind(sniffed.ext)
    return { ok: false, message: kind ? message('forms:documents.type.refused', { fileName, kind }) : message('forms:documents.type.refusedOther', { fileName, extension: sniffed.ext }) }
  }
  if (!type.extensions.includes(extension)) {
    return { ok: false, message: message('forms:documents.type.misnamed', { fileName, kind: sniffed.ext, extension: type.extensions[0] ?? sniffed.ext }) }
  }
  return { ok: true, mediaType: type.mediaType, label: type.label }
}

const MAIL_HEADERS = new Set(['from', 'to', 'cc', 'date', 'subject', 'message-id', 'mime-version', 'received', 'return-path', 'reply-to', 'sender', 'delivered-to', 'x-mailer', 'content-type', 'thread-topic'])

/**
 * An Internet e-mail (RFC 5322, saved as .eml), which `file-type` does not recognise: text without
 * NUL bytes that starts with header lines ("Name: value", continued by lines starting with a space or
 * tab), at least two of them known mail headers, among them From, Date, Subject or Received, before
 * the blank line that ends the header. `head` is the start of the file (a few kB are plenty).
 */
export function looksLikeEmail(head: Uint8Array): boolean {
  if (head.includes(0)) return false
  const text = new TextDecoder('latin1').decode(head)
  const lines = text.split(/\r?\n/)
  // The last line of a truncated head may be cut in the middle: judge only complete lines.
  if (lines.length > 1) lines.pop()
  const names: string[] = []
  for (const [index, line] of lines.entries()) {
    if (line === '') break
    if (/^[ \t]/.test(line)) {
      if (index === 0) return false
      continue
    }
    const header = /^([!-9;-~]+):/.exec(line)
    if (!header) {
      // mbox-style envelope line some clients save first ("From someone@example.org Tue ...").
      if (index === 0 && /^From \S+/.test(line)) continue
      return false
    }
    names.push(header[1]!.toLowerCase())
  }
  const known = names.filter((name) => MAIL_HEADERS.has(name))
  return known.length >= 2 && known.some((name) => ['from', 'date', 'subject', 'received'].includes(name))
}

/** For bytes no sniffer recognised: what they look like, to name it in the refusal. */
export function describeUnrecognisedText(head: Uint8Array): SniffedType {
  if (head.includes(0)) return undefined
  const text = new TextDecoder('utf-8').decode(head).replace(/^\uFEFF/, '').trimStart().slice(0, 1024).toLowerCase()
  if (text.startsWith('#!')) return { ext: 'script', mime: 'text/x-script' }
  if (/<svg[\s>]/.test(text)) return { ext: 'svg', mime: 'image/svg+xml' }
  if (/^<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<script[\s>]/.test(text)) return { ext: 'html', mime: 'text/html' }
  return undefined
}

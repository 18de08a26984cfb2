/**
 * The name a supporting document is kept and served under: the uploaded name, NFC-normalised, or a
 * refusal that says what to change. Client-safe and pure. The rules keep a name harmless wherever it
 * goes: in a Content-Disposition header, on a Windows or macOS disk, in a list read aloud.
 */
import { message } from '~/i18n/message'

// A refusal is a message (forms:documents.name.*), said in the reader's language where it is shown.
export type FileNameVerdict = { ok: true; name: string } | { ok: false; message: string }

export const MAX_FILE_NAME_BYTES = 255

// Names Windows reserves for devices, with or without an extension ("CON.pdf" is as bad as "CON").
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i

// Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) make "invoice‮fdp.exe" read as
// "invoiceexe.pdf"; control characters (C0, DEL, C1) have no place in a name.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/

export function checkFileName(uploaded: string): FileNameVerdict {
  const name = uploaded.normalize('NFC')
  const refuse = (why: string): FileNameVerdict => ({ ok: false, message: message(`forms:documents.name.${why}`, { fileName: printable(name) }) })
  if (name.length === 0) return { ok: false, message: message('forms:documents.name.empty') }
  if (/[/\\]/.test(name)) return refuse('slash')
  if (name === '.' || name === '..' || name.includes('..')) return refuse('dots')
  if (CONTROL_CHARACTERS.test(name)) return refuse('controls')
  if (BIDI_CONTROLS.test(name)) return refuse('bidi')
  if (name.startsWith('.')) return refuse('hidden')
  if (/[. ]$/.test(name)) return refuse('trailing')
  if (WINDOWS_RESERVED.test(name)) return refuse('reserved')
  const bytes = new TextEncoder().encode(name).byteLength
  if (bytes > MAX_FILE_NAME_BYTES) return { ok: false, message: message('forms:documents.name.tooLong', { bytes, max: MAX_FILE_NAME_BYTES }) }
  return { ok: true, name }
}

/** The name as a message may quote it: controls and bidi characters shown as code points, and short. */
function printable(name: string): string {
  const visible = name.replace(new RegExp(`${CONTROL_CHARACTERS.source}|${BIDI_CONTROLS.source}`, 'g'), (c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)
  return visible.length > 80 ? `${visible.slice(0, 77)}…` : visible
}

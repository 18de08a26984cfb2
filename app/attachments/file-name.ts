/**
 * The name a supporting document is kept and served under: the uploaded name, NFC-normalised, or a
 * refusal that says what to change. Client-safe and pure. The rules keep a name harmless wherever it
 * goes: in a Content-Disposition header, on a Windows or macOS disk, in a list read aloud.
 */

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
  const refuse = (why: string): FileNameVerdict => ({ ok: false, message: `The file name “${printable(name)}” ${why}` })
  if (name.length === 0) return { ok: false, message: 'The file has no name: give it one (for example quote.pdf).' }
  if (/[/\\]/.test(name)) return refuse('contains a slash or backslash: use a plain file name, without folders.')
  if (name === '.' || name === '..' || name.includes('..')) return refuse('contains “..”: rename the file.')
  if (CONTROL_CHARACTERS.test(name)) return refuse('contains control characters: rename the file.')
  if (BIDI_CONTROLS.test(name)) return refuse('contains invisible characters that reverse the text direction (they can disguise its type): rename the file.')
  if (name.startsWith('.')) return refuse('starts with a dot (a hidden file): rename the file.')
  if (/[. ]$/.test(name)) return refuse('ends with a dot or a space: rename the file.')
  if (WINDOWS_RESERVED.test(name)) return refuse('is a name Windows reserves for a device: rename the file.')
  const bytes = new TextEncoder().encode(name).byteLength
  if (bytes > MAX_FILE_NAME_BYTES) return { ok: false, message: `The file name is too long (${bytes} bytes; at most ${MAX_FILE_NAME_BYTES}): shorten it.` }
  return { ok: true, name }
}

/** The name as a message may quote it: controls and bidi characters shown as code points, and short. */
function printable(name: string): string {
  const visible = name.replace(new RegExp(`${CONTROL_CHARACTERS.source}|${BIDI_CONTROLS.source}`, 'g'), (c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)
  return visible.length > 80 ? `${visible.slice(0, 77)}…` : visible
}

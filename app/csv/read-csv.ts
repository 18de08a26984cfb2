/** Reading the small CSV dialect of SoleSource uploads: comma-separated, double quotes around fields that need them. */

/** Splits one record; quotes may wrap a field ("Acme, Ltd") and "" inside quotes is one quote. */
export function splitCsvRecord(line: string): { fields: string[]; unterminatedQuote: boolean } {
  const fields: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const char = line[i]
    if (quoted && char === '"' && line[i + 1] === '"') {
      field += '"'
      i++
    } else if (char === '"') quoted = !quoted
    else if (char === ',' && !quoted) {
      fields.push(field.trim())
      field = ''
    } else field += char
  }
  fields.push(field.trim())
  return { fields, unterminatedQuote: quoted }
}

/**
 * The number (1-based) of the first line holding a NUL character, or null. PostgreSQL cannot store
 * U+0000 in text, and no spreadsheet writes one into a CSV: such a file is refused whole, by line.
 */
export function firstLineWithNul(lines: readonly string[]): number | null {
  const index = lines.findIndex((line) => line.includes('\u0000'))
  return index === -1 ? null : index + 1
}

export const nulInFileMessage = (line: number) =>
  `Line ${line} contains a NUL character (U+0000), which is not text: save the file as "CSV UTF-8 (comma delimited)" and upload it again. Nothing was imported.`

/** Lines of a text file without the byte-order mark, trailing blank lines dropped. */
export function linesOf(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop()
  return lines
}

/** A stream of bytes that is not UTF-8 text. */
export class NotUtf8Error extends Error {}

/**
 * The lines of a UTF-8 text as its bytes stream in (a file of any size, never whole in memory): the
 * byte-order mark dropped, `\r\n` or `\n` ends a line, the last line given even without its newline.
 * Throws NotUtf8Error on bytes that are not UTF-8.
 */
export async function* streamLines(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })
  let rest = ''
  const decode = (piece?: Uint8Array) => {
    try {
      return piece ? decoder.decode(piece, { stream: true }) : decoder.decode()
    } catch {
      throw new NotUtf8Error('not UTF-8')
    }
  }
  for await (const piece of bytes) {
    const text = rest + decode(piece)
    const lines = text.split('\n')
    rest = lines.pop()!
    for (const line of lines) yield line.endsWith('\r') ? line.slice(0, -1) : line
  }
  const last = rest + decode()
  if (last !== '') yield last.endsWith('\r') ? last.slice(0, -1) : last
}

/** The small CSV dialect of SoleSource files: comma-separated, double quotes around fields that need them. */

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

/** Quotes a field when it must be; a leading =, +, - or @ is prefixed so spreadsheets never run it as a formula. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export const csvLine = (values: readonly (string | number | null | undefined)[]): string => values.map(csvField).join(',')

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

export function csvResponse(body: string, fileName: string): Response {
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'no-store',
    },
  })
}

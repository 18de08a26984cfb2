import { describe, expect, test } from 'vitest'
import { said } from '~/i18n/said.test-support'
import { checkFileName } from './file-name'

describe('a supporting document’s file name', () => {
  test('an ordinary name is kept, NFC-normalised (macOS sends decomposed accents)', () => {
    expect(checkFileName('Offre Zürich 2026.pdf')).toEqual({ ok: true, name: 'Offre Zürich 2026.pdf' })
    const decomposed = 'Offre Zu\u0308rich.pdf'
    const verdict = checkFileName(decomposed)
    expect(verdict).toEqual({ ok: true, name: 'Offre Z\u00fcrich.pdf' })
  })

  test.each([
    ['', /has no name/],
    ['../../etc/passwd', /slash or backslash/],
    ['C:\\Users\\rita\\quote.pdf', /slash or backslash/],
    ['..', /“\.\.”/],
    ['quote..pdf', /“\.\.”/],
    ['quote\u0000.pdf', /control characters/],
    ['quote\n.pdf', /control characters/],
    ['quote\u0085.pdf', /control characters/],
    ['invoice\u202Efdp.exe', /reverse the text direction/],
    ['invoice\u2066.pdf', /reverse the text direction/],
    ['.htaccess', /starts with a dot/],
    ['quote.pdf.', /ends with a dot or a space/],
    ['quote.pdf ', /ends with a dot or a space/],
    ['CON', /Windows reserves/],
    ['nul.pdf', /Windows reserves/],
    ['Com1.txt', /Windows reserves/],
    ['LPT9', /Windows reserves/],
    [`${'é'.repeat(126)}.pdf`, /too long \(256 bytes; at most 255\)/],
  ])('%j is refused', (name, message) => {
    const verdict = checkFileName(name)
    expect(verdict.ok).toBe(false)
    expect(!verdict.ok && said.en(verdict.message)).toMatch(message)
  })

  test('a name of exactly 255 UTF-8 bytes is accepted; names merely starting like a device are too', () => {
    expect(checkFileName(`${'a'.repeat(251)}.pdf`).ok).toBe(true)
    expect(checkFileName('console-log.pdf').ok).toBe(true)
    expect(checkFileName('COM-quote.pdf').ok).toBe(true)
  })

  test('a refusal shows invisible characters as code points', () => {
    const verdict = checkFileName('invoice\u202Efdp.exe')
    expect(!verdict.ok && said.en(verdict.message)).toContain('“invoiceU+202Efdp.exe”')
  })
})

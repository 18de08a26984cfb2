import { describe, expect, test } from 'vitest'
import { documentHeaders, documentResponse, safeFileName, servedMediaType } from './document-response.server'

const headersFor = (fileName: string, mediaType = 'application/pdf', sizeBytes = 1234) => documentHeaders({ fileName, mediaType, sizeBytes })
const disposition = (fileName: string) => headersFor(fileName)['Content-Disposition']

describe('the headers of a document download', () => {
  test('an attachment, never sniffed, sandboxed, never cached, with its length', () => {
    expect(headersFor('quote.pdf')).toEqual({
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="quote.pdf"; filename*=UTF-8''quote.pdf`,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'Cache-Control': 'private, no-store',
      'Content-Length': '1234',
    })
  })

  test('a unicode name is given whole in filename* and as the closest ASCII in filename', () => {
    expect(disposition('Offre Müller (1).pdf')).toBe(`attachment; filename="Offre_Muller__1_.pdf"; filename*=UTF-8''Offre%20M%C3%BCller%20%281%29.pdf`)
    expect(disposition('Зап рос.pdf')).toBe(`attachment; filename="___.pdf"; filename*=UTF-8''%D0%97%D0%B0%D0%BF%20%D1%80%D0%BE%D1%81.pdf`.replace('___', '_'.repeat(7)))
    expect(disposition('報價單 📄.pdf')).toContain(`filename*=UTF-8''%E5%A0%B1%E5%83%B9%E5%96%AE%20%F0%9F%93%84.pdf`)
  })

  test('quotes cannot close the filename parameter', () => {
    expect(disposition('a"; filename="evil.html')).toBe(`attachment; filename="a__filename_evil.html"; filename*=UTF-8''a%3B%20filename%3Devil.html`)
    expect(disposition("it's.pdf")).toBe(`attachment; filename="it_s.pdf"; filename*=UTF-8''it%27s.pdf`)
  })

  test('CR and LF never reach a header: no header can be injected', () => {
    for (const name of ['quote.pdf\r\nSet-Cookie: session=stolen', 'quote\r.pdf', 'quote\n\nContent-Type: text/html', 'a\u0000b.pdf', 'a\u2028b.pdf', 'a\u0085b.pdf']) {
      const headers = headersFor(name)
      for (const value of Object.values(headers)) expect(value, JSON.stringify(name)).not.toMatch(/[\r\n\u0000\u0085\u2028]/)
      // A real Response accepts them (it throws on a header value with a line break).
      expect(() => new Headers(headers)).not.toThrow()
    }
    expect(disposition('quote.pdf\r\nSet-Cookie: x')).toBe(`attachment; filename="quote.pdfSet-Cookie__x"; filename*=UTF-8''quote.pdfSet-Cookie%3A%20x`)
  })

  test('no folder of the reader’s can be named: only the last path part is kept, without leading dots', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd')
    expect(safeFileName('C:\\Users\\me\\quote.pdf')).toBe('quote.pdf')
    expect(safeFileName('.bashrc')).toBe('bashrc')
    expect(safeFileName('...')).toBe('document')
    expect(safeFileName('folder/')).toBe('document')
    expect(safeFileName('')).toBe('document')
  })

  test('characters that reorder what is shown are dropped ("invoice‮fdp.exe" would read as a PDF)', () => {
    expect(safeFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe')
    expect(safeFileName('a\u2066b\u2069.pdf')).toBe('ab.pdf')
  })

  test('half of a UTF-16 pair is dropped instead of breaking the encoding; a long name is cut between characters', () => {
    expect(disposition('bad\uD800.pdf')).toBe(`attachment; filename="bad.pdf"; filename*=UTF-8''bad.pdf`)
    const long = safeFileName('📄'.repeat(300))
    expect(Array.from(long)).toHaveLength(200)
    expect(long).toBe('📄'.repeat(200))
  })
})

describe('the type a document is served as', () => {
  test.each([
    ['application/pdf', 'application/pdf'],
    ['image/png', 'image/png'],
    ['image/jpeg', 'image/jpeg'],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['application/vnd.ms-outlook', 'application/vnd.ms-outlook'],
    ['message/rfc822', 'message/rfc822'],
    ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['Application/PDF; name="x"', 'application/pdf'],
  ])('%s is served as %s', (sniffed, served) => expect(servedMediaType(sniffed)).toBe(served))

  test.each([
    'text/html',
    'text/plain',
    'text/csv',
    'text/xml',
    'text/javascript',
    'application/xhtml+xml',
    'image/svg+xml',
    'application/xml',
    'application/rss+xml',
    'application/javascript',
    'application/xml-dtd',
    'application/x-httpd-php-source+xml',
    'multipart/x-mixed-replace',
    'TEXT/HTML',
    'application/pdf\r\nX-Injected: 1',
    'not a type',
    '',
  ])('%j, which a browser could render as a page (or which is no type), is served as bytes', (sniffed) => {
    expect(servedMediaType(sniffed)).toBe('application/octet-stream')
    expect(headersFor('x', sniffed)['Content-Type']).toBe('application/octet-stream')
  })
})

test('the response streams the body it is given, with those headers', async () => {
  const bytes = new TextEncoder().encode('%PDF-1.7 the bytes')
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes.slice(0, 5))
      controller.enqueue(bytes.slice(5))
      controller.close()
    },
  })
  const response = documentResponse({ fileName: 'quote.pdf', mediaType: 'application/pdf', sizeBytes: bytes.byteLength, body })
  expect(response.status).toBe(200)
  expect(response.headers.get('content-length')).toBe(String(bytes.byteLength))
  expect(response.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'")
  expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes)
})

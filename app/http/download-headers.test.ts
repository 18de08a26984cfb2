import { describe, expect, it } from 'vitest'
import { downloadHeaders } from './download-headers'

describe('downloadHeaders', () => {
  it('serves an ASCII name as an attachment, private and never stored', () => {
    expect(downloadHeaders('application/pdf', 'J-2026-0042.pdf')).toEqual({
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="J-2026-0042.pdf"; filename*=UTF-8''J-2026-0042.pdf`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    })
  })

  it('keeps quotes, semicolons, equals signs, slashes and line breaks from ending the parameter', () => {
    expect(downloadHeaders('text/csv', 'a "b"/..\\c\r\nSet-Cookie: x.csv')['Content-Disposition']).toBe(
      `attachment; filename="a__b__.._c__Set-Cookie__x.csv"; filename*=UTF-8''a%20%22b%22_.._c__Set-Cookie%3A%20x.csv`,
    )
    expect(downloadHeaders('text/csv', 'a; filename=evil.html')['Content-Disposition']).toBe(
      `attachment; filename="a__filename_evil.html"; filename*=UTF-8''a%3B%20filename%3Devil.html`,
    )
    expect(() => new Headers(downloadHeaders('text/csv', 'half\uD800.csv'))).not.toThrow()
  })

  it('gives a name with accents whole as filename* (RFC 6266) beside its closest ASCII', () => {
    expect(downloadHeaders('text/csv', "rejected-Offre Müller (1)'s.csv")['Content-Disposition']).toBe(
      "attachment; filename=\"rejected-Offre_Muller__1__s.csv\"; filename*=UTF-8''rejected-Offre%20M%C3%BCller%20%281%29%27s.csv",
    )
    expect(downloadHeaders('text/csv', 'Zürich/\r.csv')['Content-Disposition']).toBe(
      "attachment; filename=\"Zurich__.csv\"; filename*=UTF-8''Z%C3%BCrich__.csv",
    )
  })
})

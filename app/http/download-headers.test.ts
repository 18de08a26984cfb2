import { describe, expect, it } from 'vitest'
import { downloadHeaders } from './download-headers'

describe('downloadHeaders', () => {
  it('serves an ASCII name as an attachment, private and never stored', () => {
    expect(downloadHeaders('application/pdf', 'J-2026-0042.pdf')).toEqual({
      'Content-Type': 'application/pdf',
      'Content-Disposition': 'attachment; filename="J-2026-0042.pdf"',
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    })
  })

  it('keeps quotes, slashes and line breaks out of the header', () => {
    expect(downloadHeaders('text/csv', 'a "b"/..\\c\r\nSet-Cookie: x.csv')['Content-Disposition']).toBe(
      'attachment; filename="a__b__.._c__Set-Cookie__x.csv"',
    )
  })

  it('gives a name with accents whole as filename* (RFC 6266) beside an ASCII stand-in', () => {
    expect(downloadHeaders('text/csv', "rejected-Offre Müller (1)'s.csv")['Content-Disposition']).toBe(
      "attachment; filename=\"rejected-Offre_M_ller__1__s.csv\"; filename*=UTF-8''rejected-Offre%20M%C3%BCller%20%281%29%27s.csv",
    )
    expect(downloadHeaders('text/csv', 'Zürich/\r.csv')['Content-Disposition']).toBe(
      "attachment; filename=\"Z_rich__.csv\"; filename*=UTF-8''Z%C3%BCrich__.csv",
    )
  })
})

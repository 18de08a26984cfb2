import { describe, expect, it } from 'vitest'
import { firstLineWithNul, linesOf, splitCsvRecord } from './read-csv'

describe('reading CSV uploads', () => {
  it('splits quoted fields and doubled quotes, and says when a quote is never closed', () => {
    expect(splitCsvRecord('a, "Acme, Ltd" ,"say ""hi"""')).toEqual({ fields: ['a', 'Acme, Ltd', 'say "hi"'], unterminatedQuote: false })
    expect(splitCsvRecord('a,"open').unterminatedQuote).toBe(true)
  })

  it('drops the byte-order mark and trailing blank lines, and finds the first line with a NUL', () => {
    const lines = linesOf('\uFEFFh\r\nx\n\u0000y\n\n  \n')
    expect(lines).toEqual(['h', 'x', '\u0000y'])
    expect(firstLineWithNul(lines)).toBe(3)
    expect(firstLineWithNul(['h'])).toBeNull()
  })
})

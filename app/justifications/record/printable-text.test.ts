import { expect, test } from 'vitest'
import { coveredByWinAnsi, printableText } from './printable-text'

test('WinAnsi keeps Western European letters, Swiss apostrophes and typographic quotes; the rest becomes a visible "?"', () => {
  expect(printableText('Chloé Caron, CHF 56’472.00, “Fits” – €', coveredByWinAnsi)).toEqual({ text: 'Chloé Caron, CHF 56’472.00, “Fits” – €', replaced: false })
  expect(printableText('Łódź Dvořák Ψ-7', coveredByWinAnsi)).toEqual({ text: '?ód? Dvo?ák ?-7', replaced: true })
})

test('line breaks and tabs are kept; a decomposed accent counts as its composed letter', () => {
  expect(printableText('two\nlines\tand e\u0301', coveredByWinAnsi)).toEqual({ text: 'two\nlines\tand é', replaced: false })
  expect(printableText('\u0007bell', coveredByWinAnsi)).toEqual({ text: '?bell', replaced: true })
})

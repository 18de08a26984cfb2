import { describe, expect, it } from 'vitest'
import { normaliseSupplierName } from './normalise-supplier-name'

describe('normaliseSupplierName', () => {
  it('lower-cases, drops accents and punctuation, collapses whitespace', () => {
    expect(normaliseSupplierName('  Vakuum   Téchnik, GmbH ')).toBe('vakuum technik')
    expect(normaliseSupplierName('VAKUUM-TECHNIK gmbh')).toBe('vakuum technik')
    expect(normaliseSupplierName('Łódź Precision Sp. z o.o.')).toBe('lodz precision')
  })

  it('removes the legal form at the end, however it is written', () => {
    expect(normaliseSupplierName('Cryo Systems AG')).toBe('cryo systems')
    expect(normaliseSupplierName('Cryo Systems S.A.')).toBe('cryo systems')
    expect(normaliseSupplierName('Cryo Systems Ltd.')).toBe('cryo systems')
    expect(normaliseSupplierName('Magneti Lombardi S.p.A.')).toBe('magneti lombardi')
    expect(normaliseSupplierName('Müller GmbH & Co. KG')).toBe('muller')
  })

  it('keeps a legal-form word inside the name, and never empties a name', () => {
    expect(normaliseSupplierName('SA Optics Ltd')).toBe('sa optics')
    expect(normaliseSupplierName('AG')).toBe('ag')
  })

  it('treats "&" and "and" alike', () => {
    expect(normaliseSupplierName('Smith & Sons Ltd')).toBe(normaliseSupplierName('Smith and Sons Limited'))
  })
})

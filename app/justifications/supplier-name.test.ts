import { describe, expect, test } from 'vitest'
import { LEGAL_FORMS, supplierKeyOf } from './supplier-name'

describe('the supplier key', () => {
  test.each([
    ['Split Vacuum Supplies SA', 'Split Vacuum Supplies S.A.'],
    ['Split Vacuum Supplies SA', 'SPLIT VACUUM SUPPLIES s.a'],
    ['Split Vacuum Supplies SA', '  Split   Vacuum\tSupplies,  S. A. '],
    ['Split Vacuum Supplies SA', 'Split-Vacuum Supplies'],
    ['Precision Magnets GmbH', 'Precision Magnets'],
    ['Precision Magnets GmbH & Co. KG', 'Precision Magnets GmbH'],
    ['Bobine S.p.A.', 'Bobine SpA'],
    ['Bobine S.p.A.', 'BOBINE S.P.A'],
    ['Bobine Srl', 'Bobine S.r.l.'],
    ['Wire B.V.', 'Wire BV'],
    ['Wire N.V.', 'Wire'],
    ['Lyon Cryogénie SARL', 'Lyon Cryogenie S.à r.l.'],
    ['Lyon Cryogénie SAS', 'LYON CRYOGENIE S.A.S.'],
    ['Gauge Ltd', 'Gauge Limited'],
    ['Gauge Pty Ltd', 'Gauge'],
    ['Atlantic Optics Inc.', 'Atlantic Optics, LLC'],
    ['Atlantic Optics plc', 'Atlantic Optics PLC'],
    ['Kylmä Oy', 'Kylma OY'],
    ['Nordisk Vakuum AB', 'Nordisk Vakuum ab'],
    ['Dansk Køling ApS', 'Dansk Koling A/S'],
    ['Zürich Präzision AG', 'Zurich Prazision'],
    ['Großmann Vakuumtechnik', 'Grossmann Vakuumtechnik'],
    ['Łódź Próżnia Sp. z o.o.', 'Lodz Proznia'],
    ['Smith & Sons', 'Smith and Sons'],
    ['Dupont et Cie', 'Dupont & Cie'],
    ['Dupont et Cie', 'Dupont'],
    ['Acme™', 'ACME'],
    ['Acme® Vacuum', 'ACME Vacuum'],
    ['ΑΘΗΝΑΪΚΟΣ', 'αθηναϊκοσ'],
  ])('%j and %j are one supplier', (a, b) => {
    expect(supplierKeyOf(a)).toBe(supplierKeyOf(b))
  })

  test.each([
    ['Split Vacuum Supplies SA', 'Split Vacuum Systems SA'],
    ['Gauge AG', 'Gauge Instruments AG'],
    ['Cryo 1 GmbH', 'Cryo 2 GmbH'],
    ['Москва Вакуум', 'Москва Криоген'],
  ])('%j and %j stay two suppliers', (a, b) => {
    expect(supplierKeyOf(a)).not.toBe(supplierKeyOf(b))
  })

  test('the legal form is dropped from the end only, never from the middle, and never the whole name', () => {
    expect(supplierKeyOf('AG Vacuum Systems')).toBe('agvacuumsystems')
    expect(supplierKeyOf('Siemens AG Österreich')).toBe('siemensagosterreich')
    expect(supplierKeyOf('S.A.')).toBe('sa')
    expect(supplierKeyOf('Company Ltd')).toBe('company')
  })

  test('a legal form spelt over several tokens is recognised only from short tokens', () => {
    // "S.A.S." is one form, not "A/S" after an "S"; "Fine Art S A" is not "Fine ArtsA".
    expect(supplierKeyOf('Cryo S.A.S.')).toBe('cryo')
    expect(supplierKeyOf('Fine Art S A')).toBe('fineart')
    expect(supplierKeyOf('Lab Co Ag')).toBe('lab')
  })

  test('every legal form in the list is dropped after a name', () => {
    for (const form of LEGAL_FORMS) expect(supplierKeyOf(`Vacuum Systems ${form.toUpperCase()}`), form).toBe('vacuumsystems')
  })

  test('case, accents, punctuation and spaces do not count; digits and letters of every script do', () => {
    expect(supplierKeyOf('  Énergie—Nucléaire (Suisse) S.A.  ')).toBe('energienucleairesuisse')
    expect(supplierKeyOf('Москва Вакуум ООО')).toBe('москвавакуумооо')
    expect(supplierKeyOf('3M')).toBe('3m')
  })
})

import { describe, expect, test } from 'vitest'
import { formatDateTime, zoneNameAt } from './format-date'

// Geneva keeps Central European Time: UTC+1 (CET) in winter, UTC+2 (CEST) from 02:00 on the last
// Sunday of March (29 March 2026, 01:00 UTC) to 03:00 on the last Sunday of October (25 October
// 2026, 01:00 UTC), when the hour from 02:00 to 03:00 happens twice.
describe('an instant reads on Geneva’s clock with the name of its time', () => {
  test('winter and summer', () => {
    expect(formatDateTime('2026-12-01T18:49:00Z')).toBe('1 Dec 2026, 19:49 CET')
    expect(formatDateTime(new Date('2026-07-01T18:49:00Z'))).toBe('1 Jul 2026, 20:49 CEST')
    expect(formatDateTime('2026-01-15T23:30:00Z')).toBe('16 Jan 2026, 00:30 CET')
  })

  test('the night the clocks go forward: 01:59 CET is followed by 03:00 CEST', () => {
    expect(formatDateTime('2026-03-29T00:59:00Z')).toBe('29 Mar 2026, 01:59 CET')
    expect(formatDateTime('2026-03-29T01:00:00Z')).toBe('29 Mar 2026, 03:00 CEST')
    expect(formatDateTime('2026-03-29T01:30:00Z')).toBe('29 Mar 2026, 03:30 CEST')
  })

  test('the night the clocks go back: the hour from 02:00 reads twice, told apart by its name', () => {
    expect(formatDateTime('2026-10-25T00:00:00Z')).toBe('25 Oct 2026, 02:00 CEST')
    expect(formatDateTime('2026-10-25T00:59:59Z')).toBe('25 Oct 2026, 02:59 CEST')
    expect(formatDateTime('2026-10-25T01:00:00Z')).toBe('25 Oct 2026, 02:00 CET')
    expect(formatDateTime('2026-10-25T01:30:00Z')).toBe('25 Oct 2026, 02:30 CET')
    expect(formatDateTime('2026-10-25T02:00:00Z')).toBe('25 Oct 2026, 03:00 CET')
  })

  test('the zone name follows the offset, to the second around each change', () => {
    expect(zoneNameAt('2026-03-29T00:59:59.999Z')).toBe('CET')
    expect(zoneNameAt('2026-03-29T01:00:00Z')).toBe('CEST')
    expect(zoneNameAt('2026-10-25T00:59:59.999Z')).toBe('CEST')
    expect(zoneNameAt('2026-10-25T01:00:00Z')).toBe('CET')
  })

  test('Node’s full ICU gives the same names, so the table is no invention', () => {
    const intlName = (iso: string) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Zurich', timeZoneName: 'short' }).formatToParts(new Date(iso)).find((p) => p.type === 'timeZoneName')?.value
    for (const iso of ['2026-12-01T18:49:00Z', '2026-07-01T18:49:00Z']) {
      expect(intlName(iso)).toBe(zoneNameAt(iso))
    }
  })
})

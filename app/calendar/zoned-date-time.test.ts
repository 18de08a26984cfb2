import { expect, test } from 'vitest'
import { formatDateTimeWithZone } from './zoned-date-time'

test('an instant reads on the Geneva clock with the name of its zone, winter and summer', () => {
  expect(formatDateTimeWithZone(new Date('2026-12-02T18:49:00Z'))).toBe('2 Dec 2026, 19:49 CET')
  expect(formatDateTimeWithZone('2026-07-01T08:00:00Z')).toBe('1 Jul 2026, 10:00 CEST')
})

import { describe, expect, test } from 'vitest'
import { formatFileSize } from './file-size'

describe('formatFileSize', () => {
  test.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [999, '999 bytes'],
    [1000, '1 kB'],
    [14_321, '14 kB'],
    [3_400_000, '3.4 MB'],
    [20_000_000, '20 MB'],
    [999_999_999, '1,000 MB'],
    [1_500_000_000, '1.5 GB'],
  ])('%i bytes read as %s', (bytes, text) => {
    expect(formatFileSize(bytes)).toBe(text)
  })

  test.each([
    [1, '1 octet'],
    [820, '820 octets'],
    [14_321, '14 ko'],
    [3_400_000, '3,4 Mo'],
    [1_500_000_000, '1,5 Go'],
  ])('in French, %i bytes read as %s', (bytes, text) => {
    expect(formatFileSize(bytes, 'fr')).toBe(text)
  })
})

/**
 * A file size as people read it, in the decimal units the limits are set in (1 MB = 1,000,000 bytes):
 * "820 bytes", "14 kB", "3.4 MB". Client-safe: lists, emails and the record use it.
 */
export function formatFileSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`
  const units = ['kB', 'MB', 'GB'] as const
  let value = bytes / 1000
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit += 1
  }
  const digits = value < 10 ? 1 : 0
  return `${value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 })} ${units[unit]}`
}

/**
 * Which day and which period it is, in the organisation's time zone. The pure modules take ISO dates;
 * this is the one place that turns an instant into one.
 */
import type { DigestFrequency } from './return-policy.ts'

export const ORGANISATION_TIME_ZONE = 'Europe/Zurich'

const isoDateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: ORGANISATION_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })

/** "2026-11-26" for an instant, as the calendar reads in Geneva. */
export function isoDateIn(now: Date): string {
  return isoDateFormat.format(now)
}

/** Midnight UTC of an ISO date: how a @db.Date column is written through Prisma. */
export function dateColumn(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00.000Z`)
}

export function isoDateOfColumn(date: Date): string {
  return date.toISOString().slice(0, 10)
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** The digest period an instant falls in: "2026-11" (monthly) or "2026-Q4" (quarterly), and its label. */
export function digestPeriodOf(now: Date, frequency: DigestFrequency): { key: string; label: string } {
  const [year = '', month = ''] = isoDateIn(now).split('-')
  const monthNumber = Number(month)
  if (frequency === 'QUARTERLY') {
    const quarter = Math.floor((monthNumber - 1) / 3) + 1
    return { key: `${year}-Q${quarter}`, label: `Q${quarter} ${year}` }
  }
  return { key: `${year}-${month}`, label: `${MONTHS[monthNumber - 1]} ${year}` }
}

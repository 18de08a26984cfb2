/**
 * Calendar dates ("2025-03-01") as plain strings.
 *
 * Positions, absences and policies change by the day, so the workflow compares days, not instants.
 * ISO dates sort lexically, which is all the comparison needed. The caller turns "now" into a day
 * with `calendarDateIn(instant)`; nothing here reads the clock.
 */
import { z } from 'zod'

export type IsoDate = string

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false
  const match = ISO_DATE.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

export const isoDateSchema = z.string().refine(isIsoDate, { message: 'Expected a calendar date such as 2025-03-01.' })

/**
 * Whether `date` falls in the period, both ends INCLUSIVE: a position `to` 2025-03-31 still holds
 * on 31 March; an absence from 2025-03-03 to 2025-03-07 covers the 3rd and the 7th. An open end
 * (`to` missing or null) runs indefinitely.
 */
export function isWithin(date: IsoDate, from: IsoDate, to?: IsoDate | null): boolean {
  return from <= date && (to == null || date <= to)
}

/** The calendar day an instant falls on in a time zone (Geneva by default). */
export function calendarDateIn(instant: Date, timeZone = 'Europe/Zurich'): IsoDate {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant)
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')}`
}

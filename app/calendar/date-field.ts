/** The one form field for a calendar date (YYYY-MM-DD, as `<input type="date">` sends it). Client-safe. */
import * as z from 'zod/mini'
import { isIsoDate } from './calendar-date.ts'

const DATE_EXAMPLE = 'Enter a date like 2026-03-01.'

export const isoDateField = z.string({ error: DATE_EXAMPLE }).check(z.regex(/^\d{4}-\d{2}-\d{2}$/, DATE_EXAMPLE), z.refine(isIsoDate, 'That date does not exist.'))

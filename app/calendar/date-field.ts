/** The one form field for a calendar date (YYYY-MM-DD, as `<input type="date">` sends it). Client-safe. */
import * as z from 'zod/mini'
import { message } from '../i18n/message.ts'
import { isIsoDate } from './calendar-date.ts'

const DATE_EXAMPLE = message('forms:date.format')

export const isoDateField = z.string({ error: DATE_EXAMPLE }).check(z.regex(/^\d{4}-\d{2}-\d{2}$/, DATE_EXAMPLE), z.refine(isIsoDate, message('forms:date.notADate')))

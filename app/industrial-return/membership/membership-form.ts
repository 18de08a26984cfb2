/**
 * The membership page's forms (issue 13.6): record a change of a country's membership on a date, or the
 * membership it had before its dated history; remove a dated change. One Zod schema per form, shared by
 * the browser and the action. Client-safe.
 */
import * as z from 'zod'
import { isoDateField } from '~/calendar/date-field'

export const MEMBERSHIPS = ['MEMBER', 'ASSOCIATE', 'OTHER'] as const
export const MEMBERSHIP_LABELS: Record<(typeof MEMBERSHIPS)[number], string> = {
  MEMBER: 'Member State',
  ASSOCIATE: 'Associate Member State',
  OTHER: 'Not a member',
}

export const RecordMembershipSchema = z.object({
  intent: z.literal('record'),
  countryCode: z.string({ error: 'Choose the country.' }).regex(/^[A-Z]{2}$/, 'Choose the country.'),
  membership: z.enum(MEMBERSHIPS, { error: 'Choose what the country became.' }),
  /** Empty: the membership it had before its dated history starts. */
  effectiveFrom: isoDateField.optional(),
  source: z
    .string({ error: 'Say where the date comes from (e.g. the Council document or the press release).' })
    .trim()
    .min(3, 'Say where the date comes from (e.g. the Council document or the press release).')
    .max(300, 'At most 300 characters.'),
})
export type RecordMembershipInput = z.infer<typeof RecordMembershipSchema>

export const RemoveMembershipSchema = z.object({
  intent: z.literal('remove'),
  id: z.string().uuid('That change no longer exists.'),
})

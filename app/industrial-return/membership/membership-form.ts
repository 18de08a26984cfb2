/**
 * The membership page's forms (issue 13.6): record a change of a country's membership on a date, or the
 * membership it had before its dated history; remove a dated change. One Zod schema per form, shared by
 * the browser and the action. Client-safe.
 */
import * as z from 'zod/mini'
import { isoDateField } from '~/calendar/date-field'
import { message } from '~/i18n/message'

/** The memberships a country can have; the page names them with `membership.<value>` of the `industrial-return` messages. */
export const MEMBERSHIPS = ['MEMBER', 'ASSOCIATE', 'OTHER'] as const

export const RecordMembershipSchema = z.object({
  intent: z.literal('record'),
  countryCode: z.string({ error: message('industrial-return:membershipForm.chooseCountry') }).check(z.regex(/^[A-Z]{2}$/, message('industrial-return:membershipForm.chooseCountry'))),
  membership: z.enum(MEMBERSHIPS, { error: message('industrial-return:membershipForm.chooseMembership') }),
  /** Empty: the membership it had before its dated history starts. */
  effectiveFrom: z.optional(isoDateField),
  source: z
    .string({ error: message('industrial-return:membershipForm.source') })
    .check(z.trim(), z.minLength(3, message('industrial-return:membershipForm.source')), z.maxLength(300, message('industrial-return:membershipForm.sourceTooLong'))),
})
export type RecordMembershipInput = z.infer<typeof RecordMembershipSchema>

export const RemoveMembershipSchema = z.object({
  intent: z.literal('remove'),
  id: z.string().check(z.uuid(message('industrial-return:membershipForm.changeGone'))),
})

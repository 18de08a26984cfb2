import * as z from 'zod/mini'
import { isoDateField } from '~/calendar/date-field'
import { message } from '~/i18n/message'

// One schema per form, shared by the browser (Conform) and the action. Messages are keys of the
// forms messages, said in the reader's language by the field that shows them.

const atMost = (max: number) => message('forms:atMost', { max })


/** An HTML checkbox sends "on" when ticked and nothing otherwise. */
const checkbox = z.pipe(
  z.optional(z.string()),
  z.transform((value: string | undefined) => value === 'on' || value === 'true'),
)

export const PersonSchema = z.object({
  name: z.string({ error: message('forms:person.nameMissing') }).check(z.trim(), z.minLength(2, message('forms:person.nameShort')), z.maxLength(120, atMost(120))),
  email: z
    .string({ error: message('forms:person.emailMissing') })
    .check(z.trim(), z.toLowerCase(), z.email(message('forms:person.emailFormat')), z.maxLength(254, message('forms:person.emailTooLong', { max: 254 }))),
  groupId: z.optional(z.string().check(z.uuid(message('forms:person.groupNotInList')))),
  isProcurementOfficer: checkbox,
  isAdministrator: checkbox,
  isActive: checkbox,
})
export type PersonInput = z.infer<typeof PersonSchema>

export const POSITION_KINDS = ['GROUP_LEADER', 'DEPARTMENT_HEAD', 'DEPUTY', 'DIRECTOR', 'FINANCE_COMMITTEE'] as const

export const AddPositionSchema = z
  .object({
    intent: z.literal('add-position'),
    kind: z.enum(POSITION_KINDS, { error: message('forms:position.kind') }),
    groupId: z.optional(z.string().check(z.uuid(message('forms:position.group')))),
    departmentId: z.optional(z.string().check(z.uuid(message('forms:position.department')))),
    deputyForPersonId: z.optional(z.string().check(z.uuid(message('forms:position.deputyFor')))),
    startsOn: isoDateField,
    endsOn: z.optional(isoDateField),
  })
  .check(
    z.superRefine((value, ctx) => {
      if (value.kind === 'GROUP_LEADER' && !value.groupId) ctx.addIssue({ code: 'custom', path: ['groupId'], message: message('forms:position.groupLeaderNeedsGroup') })
      if (value.kind === 'DEPARTMENT_HEAD' && !value.departmentId) ctx.addIssue({ code: 'custom', path: ['departmentId'], message: message('forms:position.departmentHeadNeedsDepartment') })
      if (value.kind === 'DEPUTY' && !value.deputyForPersonId) ctx.addIssue({ code: 'custom', path: ['deputyForPersonId'], message: message('forms:position.deputyFor') })
      if (value.endsOn && value.endsOn < value.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: message('forms:position.endBeforeStart') })
    }),
  )
export type AddPositionInput = z.infer<typeof AddPositionSchema>

export const EndPositionSchema = z.object({
  intent: z.literal('end-position'),
  positionId: z.string().check(z.uuid()),
  endsOn: isoDateField,
})

export const GroupSchema = z.object({
  code: z
    .string({ error: message('forms:group.codeMissing') })
    .check(z.trim(), z.toUpperCase(), z.regex(/^[A-Z0-9]+(-[A-Z0-9]+)*$/, message('forms:group.codeFormat')), z.maxLength(20, atMost(20))),
  name: z.string({ error: message('forms:group.nameMissing') }).check(z.trim(), z.minLength(2, message('forms:group.nameShort')), z.maxLength(120, atMost(120))),
  departmentId: z.string({ error: message('forms:group.departmentMissing') }).check(z.uuid(message('forms:group.departmentNotInList'))),
})
export type GroupInput = z.infer<typeof GroupSchema>

export const AddAbsenceSchema = z
  .object({
    intent: z.literal('add-absence'),
    startsOn: isoDateField,
    endsOn: isoDateField,
    deputyId: z.optional(z.string().check(z.uuid(message('forms:absence.deputyNotInList')))),
  })
  .check(
    z.superRefine((value, ctx) => {
      if (value.endsOn < value.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: message('forms:absence.lastBeforeFirst') })
    }),
  )
export type AddAbsenceInput = z.infer<typeof AddAbsenceSchema>

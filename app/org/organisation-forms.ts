import * as z from 'zod/mini'
import { isoDateField } from '~/calendar/date-field'

// One schema per form, shared by the browser (Conform) and the action.


/** An HTML checkbox sends "on" when ticked and nothing otherwise. */
const checkbox = z.pipe(
  z.optional(z.string()),
  z.transform((value: string | undefined) => value === 'on' || value === 'true'),
)

export const PersonSchema = z.object({
  name: z.string({ error: 'Enter the person’s name.' }).check(z.trim(), z.minLength(2, 'Enter the person’s full name.'), z.maxLength(120, 'At most 120 characters.')),
  email: z.string({ error: 'Enter an email address.' }).check(z.trim(), z.toLowerCase(), z.email('Enter an address like name@example.org.'), z.maxLength(254)),
  groupId: z.optional(z.string().check(z.uuid('Choose a group from the list.'))),
  isProcurementOfficer: checkbox,
  isAdministrator: checkbox,
  isActive: checkbox,
})
export type PersonInput = z.infer<typeof PersonSchema>

export const POSITION_KINDS = ['GROUP_LEADER', 'DEPARTMENT_HEAD', 'DEPUTY', 'DIRECTOR', 'FINANCE_COMMITTEE'] as const

export const AddPositionSchema = z
  .object({
    intent: z.literal('add-position'),
    kind: z.enum(POSITION_KINDS, { error: 'Choose what the position is.' }),
    groupId: z.optional(z.string().check(z.uuid('Choose a group.'))),
    departmentId: z.optional(z.string().check(z.uuid('Choose a department.'))),
    deputyForPersonId: z.optional(z.string().check(z.uuid('Choose the person this deputy acts for.'))),
    startsOn: isoDateField,
    endsOn: z.optional(isoDateField),
  })
  .check(
    z.superRefine((value, ctx) => {
      if (value.kind === 'GROUP_LEADER' && !value.groupId) ctx.addIssue({ code: 'custom', path: ['groupId'], message: 'A group leader leads a group: choose it.' })
      if (value.kind === 'DEPARTMENT_HEAD' && !value.departmentId) ctx.addIssue({ code: 'custom', path: ['departmentId'], message: 'A department head heads a department: choose it.' })
      if (value.kind === 'DEPUTY' && !value.deputyForPersonId) ctx.addIssue({ code: 'custom', path: ['deputyForPersonId'], message: 'Choose the person this deputy acts for.' })
      if (value.endsOn && value.endsOn < value.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'The end date cannot be before the start date.' })
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
    .string({ error: 'Enter the group’s code.' })
    .check(z.trim(), z.toUpperCase(), z.regex(/^[A-Z0-9]+(-[A-Z0-9]+)*$/, 'Use letters, digits and dashes, like EN-MME.'), z.maxLength(20, 'At most 20 characters.')),
  name: z.string({ error: 'Enter the group’s name.' }).check(z.trim(), z.minLength(2, 'Enter the group’s full name.'), z.maxLength(120, 'At most 120 characters.')),
  departmentId: z.string({ error: 'Choose the department the group belongs to.' }).check(z.uuid('Choose a department from the list.')),
})
export type GroupInput = z.infer<typeof GroupSchema>

export const AddAbsenceSchema = z
  .object({
    intent: z.literal('add-absence'),
    startsOn: isoDateField,
    endsOn: isoDateField,
    deputyId: z.optional(z.string().check(z.uuid('Choose the deputy from the list.'))),
  })
  .check(
    z.superRefine((value, ctx) => {
      if (value.endsOn < value.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'The last day cannot be before the first.' })
    }),
  )
export type AddAbsenceInput = z.infer<typeof AddAbsenceSchema>

// Audit events of Industry Days (ADR 043); registered in app/audit/events.ts. Subject: "industry-day:<id>".
import * as z from 'zod'

const Kind = z.enum(['COUNTRY', 'THEMATIC'])
const Invitation = z.object({ companyName: z.string(), countryCode: z.string().length(2) })
const change = <T extends z.ZodType>(value: T) => z.object({ from: value, to: value }).optional()

export const industryDayAuditEvents = {
  INDUSTRY_DAY_RECORDED: {
    label: 'Industry Day recorded',
    schema: z.object({
      industryDayId: z.string(),
      heldOn: z.string(),
      kind: Kind,
      countryCode: z.string().nullable(),
      theme: z.string().nullable(),
      invitations: z.array(Invitation),
    }),
  },
  INDUSTRY_DAY_EDITED: {
    label: 'Industry Day edited',
    schema: z.object({
      industryDayId: z.string(),
      /** The version the edit made. */
      version: z.number().int(),
      changes: z.object({ heldOn: change(z.string()), kind: change(Kind), countryCode: change(z.string().nullable()), theme: change(z.string().nullable()) }),
      /** Invitations compared as "company; country" (the same line twice counts twice). */
      invitationsAdded: z.array(Invitation),
      invitationsRemoved: z.array(Invitation),
    }),
  },
  INDUSTRY_DAY_DELETED: {
    label: 'Industry Day deleted',
    schema: z.object({
      industryDayId: z.string(),
      heldOn: z.string(),
      kind: Kind,
      countryCode: z.string().nullable(),
      theme: z.string().nullable(),
      invitations: z.array(Invitation),
    }),
  },
}

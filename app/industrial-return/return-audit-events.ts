// Audit events of the industrial return (contracts, scales, alerts, membership, policy); registered in app/audit/events.ts.
// Labels are messages (`message(...)`): a timeline shows them with translateMessage, in its reader's language.
import * as z from 'zod'
import { message } from '~/i18n/message'

export const returnAuditEvents = {
  CONTRACT_AWARDED: {
    label: message('industrial-return:audit.CONTRACT_AWARDED'),
    schema: z.object({
      contractId: z.string(),
      orderNumber: z.string(),
      justificationId: z.string(),
      awardedOn: z.string(),
      amountMinor: z.number().int(),
      currency: z.string(),
      amountChfMinor: z.number().int(),
      returnCountryCode: z.string(),
    }),
  },
  CONTRACT_IMPORT_UPLOADED: {
    label: message('industrial-return:audit.CONTRACT_IMPORT_UPLOADED'),
    schema: z.object({ importJobId: z.string(), fileName: z.string(), totalRows: z.number().int() }),
  },
  CONTRACT_IMPORT_FINISHED: {
    label: message('industrial-return:audit.CONTRACT_IMPORT_FINISHED'),
    schema: z.object({ importJobId: z.string(), fileName: z.string(), imported: z.number().int(), unchanged: z.number().int(), rejected: z.number().int() }),
  },
  CONTRACT_IMPORT_FAILED: {
    label: message('industrial-return:audit.CONTRACT_IMPORT_FAILED'),
    schema: z.object({ importJobId: z.string(), fileName: z.string(), error: z.string() }),
  },
  CONTRIBUTION_SCALE_SAVED: {
    label: message('industrial-return:audit.CONTRIBUTION_SCALE_SAVED'),
    schema: z.object({
      year: z.number().int(),
      countries: z.number().int(),
      budgetChfMinor: z.number().int().nullable(),
      source: z.string(),
      replaced: z.boolean(),
      via: z.enum(['form', 'csv']),
    }),
  },
  SPREAD_ALERT_RAISED: {
    label: message('industrial-return:audit.SPREAD_ALERT_RAISED'),
    schema: z.object({
      alertId: z.string(),
      countryCode: z.string(),
      kind: z.enum(['ENTERED_VERY_POORLY', 'LEFT_VERY_POORLY']),
      coefficient: z.string().nullable(),
      cause: z.string(),
    }),
  },
  SPREAD_ALERT_ACKNOWLEDGED: {
    label: message('industrial-return:audit.SPREAD_ALERT_ACKNOWLEDGED'),
    schema: z.object({
      alertId: z.string(),
      countryCode: z.string(),
      /** Set on an earlier alert of the same country, acknowledged along with this later one (issue 13.3). */
      acknowledgedWith: z.string().optional(),
    }),
  },
  COUNTRY_MEMBERSHIP_RECORDED: {
    label: message('industrial-return:audit.COUNTRY_MEMBERSHIP_RECORDED'),
    schema: z.object({
      countryCode: z.string(),
      membership: z.enum(['MEMBER', 'ASSOCIATE', 'OTHER']),
      /** Null: the membership before the dated history. */
      effectiveFrom: z.string().nullable(),
      source: z.string(),
      /** What the row said before, when it replaced one (same country and date). */
      previous: z.enum(['MEMBER', 'ASSOCIATE', 'OTHER']).nullable(),
    }),
  },
  COUNTRY_MEMBERSHIP_REMOVED: {
    label: message('industrial-return:audit.COUNTRY_MEMBERSHIP_REMOVED'),
    schema: z.object({ countryCode: z.string(), membership: z.enum(['MEMBER', 'ASSOCIATE', 'OTHER']), effectiveFrom: z.string(), source: z.string() }),
  },
  RETURN_POLICY_PUBLISHED: {
    label: message('industrial-return:audit.RETURN_POLICY_PUBLISHED'),
    schema: z.object({
      version: z.number().int(),
      effectiveFrom: z.string(),
      bands: z.object({ suppliesVeryPoorlyBelow: z.string(), suppliesPoorlyBelow: z.string(), servicesPoorlyBelow: z.string() }),
      windowYears: z.number().int(),
      veryPoorlyTarget: z.object({
        baselineStatusYear: z.number().int(),
        baselineCount: z.number().int(),
        targetStatusYear: z.number().int(),
        targetCount: z.number().int(),
        startsOn: z.string().optional(),
        deadline: z.string().optional(),
      }),
      digestFrequency: z.enum(['MONTHLY', 'QUARTERLY']),
      amsCeilings: z.array(z.object({ countryCode: z.string(), year: z.number().int(), ceiling: z.string() })),
    }),
  },
}

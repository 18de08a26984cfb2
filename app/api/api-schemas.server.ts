import { z } from 'zod'
import * as zm from 'zod/mini'
import { filingChecks, justificationFields } from '~/justifications/justification-form-schema'
import { FILTER_NAMES } from '~/justifications/list-query'
import { CATEGORIES, JUSTIFICATION_STATUSES, SINGLE_SOURCE_REASONS } from '~/justifications/labels'
import { CONTRACT_CSV_COLUMNS } from '~/industrial-return/ledger/contract-csv'
import { PROBLEM_TYPES } from './problem.server'

// The schemas of /api/v1: what the OpenAPI document is generated from (openapi-document.server.ts)
// and what the operations validate with. Inputs come from the forms' own schemas wherever the form
// takes the same thing (a draft is the filing form without its intent); outputs are the API's own.

/** A new draft: the filing form's fields and cross-field checks, without the form's save/submit intent. */
export const JustificationDraftInput = zm
  .omit(justificationFields, { intent: true })
  .check(zm.superRefine(filingChecks()))
  .register(z.globalRegistry, {
    id: 'JustificationDraftInput',
    description:
      'The filing form’s fields, checked as the form checks them. `amount` is a decimal string in the currency (e.g. "12500.00" or "12’500.00"), never a binary number. `originCountryCode` is required for SUPPLIES.',
  })

export const SubmitInput = z
  .object({ rowVersion: z.number().int().min(1).optional().describe('The version you last read (`rowVersion`): refused with 409 if the justification changed since.') })
  .meta({ id: 'SubmitInput' })

/**
 * A contract, as a row of the contract CSV import with the same column names: the import's row
 * validation (contract-csv.ts) checks it, so both refuse the same rows for the same reasons. Only the
 * shape is checked here (every field text); the rules live in that one validation.
 */
const contractRowShape = Object.fromEntries(CONTRACT_CSV_COLUMNS.map((column) => [column, z.string().max(1000).optional()])) as Record<(typeof CONTRACT_CSV_COLUMNS)[number], z.ZodOptional<z.ZodString>>
export const ContractInput = z.object(contractRowShape).strict().meta({
  id: 'ContractInput',
  description:
    'One contract, with the columns of the contract CSV import (see its template): order_number, award_date (YYYY-MM-DD), supplier, category (SUPPLIES or SERVICES), origin_country, establishment_country, amount (decimal text), currency, exchange_rate (in CHF for 1 of the currency; when empty, the published rate of the award date applies), department (code), group (code). Validated exactly as an imported row.',
  example: { order_number: 'PO-2025-000123', award_date: '2025-03-14', supplier: 'Precision Magnets SA', category: 'SUPPLIES', origin_country: 'IT', establishment_country: 'CH', amount: '125000.00', currency: 'CHF', department: 'TE', group: 'TE-MSC' },
})
export const BULK_MAX_ROWS = 1000
export const ContractBulkInput = z.object({ rows: z.array(ContractInput).min(1).max(BULK_MAX_ROWS) }).meta({ id: 'ContractBulkInput' })

export const ListJustificationsQuery = z.object({
  ...Object.fromEntries(FILTER_NAMES.map((name) => [name, z.string().optional()])),
  cursor: z.string().optional().describe('The `nextCursor` of the previous page.'),
  limit: z.string().regex(/^\d+$/).optional().describe('Items per page, 1 to 200 (default 50).'),
}).describe('The procurement list’s filters: status, q (words in reference, title, supplier), department and group (ids), country (supplier’s, ISO alpha-2), minChf and maxChf (CHF), from and to (submission days, YYYY-MM-DD).')

export const CoefficientsQuery = z.object({
  from: z.string().regex(/^\d{4}$/).optional().describe('First calendar year of the window (with `to`); default: the published status year’s window.'),
  to: z.string().regex(/^\d{4}$/).optional(),
  category: z.enum(CATEGORIES).optional().describe('SUPPLIES (default) or SERVICES.'),
})

const isoInstant = z.string().describe('An instant, ISO 8601 in UTC.')
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

export const JustificationSummary = z
  .object({
    id: z.string().uuid(),
    reference: z.string(),
    title: z.string(),
    status: z.enum(JUSTIFICATION_STATUSES),
    category: z.enum(CATEGORIES),
    amountMinor: z.number().int().describe('In minor units (centimes) of `currency`.'),
    currency: z.string(),
    amountChfMinor: z.number().int().nullable().describe('CHF equivalent in centimes, fixed at submission; null for a draft.'),
    exchangeRate: z.string().nullable(),
    supplierName: z.string(),
    supplierCountryCode: z.string(),
    originCountryCode: z.string().nullable(),
    splitPurchaseFlag: z.boolean(),
    submittedOn: isoDay.nullable(),
    decidedOn: isoDay.nullable(),
    createdAt: isoInstant,
    rowVersion: z.number().int(),
    requesterId: z.string().uuid(),
    requesterName: z.string(),
    groupCode: z.string(),
    departmentCode: z.string(),
    awaitingPersonName: z.string().nullable(),
  })
  .meta({ id: 'JustificationSummary' })

export const JustificationPage = z.object({ items: z.array(JustificationSummary), nextCursor: z.string().nullable() }).meta({ id: 'JustificationPage' })

export const JustificationDetail = z
  .object({
    id: z.string().uuid(),
    reference: z.string(),
    title: z.string(),
    description: z.string(),
    status: z.enum(JUSTIFICATION_STATUSES),
    rowVersion: z.number().int(),
    category: z.enum(CATEGORIES),
    reason: z.enum(SINGLE_SOURCE_REASONS),
    reasonText: z.string(),
    marketSurveyReference: z.string().nullable(),
    supplierName: z.string(),
    supplierCountryCode: z.string(),
    originCountryCode: z.string().nullable(),
    amountMinor: z.number().int(),
    currency: z.string(),
    amountChfMinor: z.number().int().nullable(),
    exchangeRate: z.string().nullable(),
    policyVersion: z.number().int().nullable(),
    requesterName: z.string(),
    group: z.string(),
    department: z.string(),
    submittedAt: isoInstant.nullable(),
    splitPurchaseFlag: z.boolean(),
    chain: z.array(
      z.object({
        index: z.number().int(),
        role: z.string(),
        label: z.string(),
        signatory: z.string(),
        status: z.enum(['to-come', 'pending', 'done', 'rejected', 'returned', 'not-reached']),
        decidedBy: z.string().nullable(),
        decidedAt: isoInstant.nullable(),
        comment: z.string().nullable(),
      }),
    ).describe('The signature chain, in order.'),
    timeline: z.array(z.object({ id: z.string(), type: z.string(), label: z.string(), actor: z.string(), at: isoInstant, details: z.string().nullable() })).describe('Every event of its audit trail, oldest first.'),
    can: z.object({ edit: z.boolean(), submit: z.boolean(), withdraw: z.boolean(), decide: z.boolean() }).describe('What the key’s person may do with it now.'),
  })
  .meta({ id: 'JustificationDetail' })

export const RowRejection = z
  .object({
    row: z.number().int().describe('1-based position of the row in `rows` (the CSV import counts lines, the header being line 1).'),
    orderNumber: z.string().nullable(),
    reasons: z.array(z.string()).describe('The import’s reasons, in the caller’s language.'),
  })
  .meta({ id: 'RowRejection' })

export const ContractRecord = z.object({ id: z.string().uuid(), orderNumber: z.string(), row: z.number().int(), outcome: z.enum(['recorded', 'unchanged']) }).meta({ id: 'ContractRecord' })

export const ContractReport = z
  .object({ recorded: z.number().int(), unchanged: z.number().int(), rejected: z.number().int(), contracts: z.array(ContractRecord), rejections: z.array(RowRejection) })
  .meta({ id: 'ContractReport' })

export const ContributionScale = z
  .object({
    year: z.number().int(),
    budgetChfMinor: z.number().int().nullable(),
    source: z.string(),
    isDemo: z.boolean(),
    shares: z.array(z.object({ countryCode: z.string(), percent: z.string().describe('Exact decimal text, e.g. "20.9931".') })),
  })
  .meta({ id: 'ContributionScale' })
export const ContributionScaleList = z.object({ items: z.array(ContributionScale) }).meta({ id: 'ContributionScaleList' })

export const ReturnCoefficients = z
  .object({
    category: z.enum(CATEGORIES),
    window: z.object({ fromYear: z.number().int(), toYear: z.number().int() }),
    bandPolicyVersion: z.string(),
    missingScaleYears: z.array(z.number().int()),
    totalValueChfMinor: z.number().int(),
    rows: z.array(
      z.object({
        countryCode: z.string(),
        name: z.string().nullable(),
        membership: z.enum(['MEMBER', 'ASSOCIATE', 'OTHER']),
        valueChfMinor: z.number().int(),
        contractSharePercent: z.number(),
        contributionSharePercent: z.number(),
        coefficient: z.string().nullable().describe('Exact, as a fraction "num/den"; null when the country has none.'),
        coefficientPrecise: z.string().nullable().describe('4 decimals, on the same side of every band line as the exact value.'),
        band: z.string().nullable(),
        noCoefficientReason: z.enum(['NOT_A_MEMBER', 'NO_CONTRIBUTION', 'NO_CONTRACTS_IN_WINDOW']).nullable(),
      }),
    ),
  })
  .meta({ id: 'ReturnCoefficients' })

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ pointer: z.string().optional(), parameter: z.string().optional(), detail: z.string() })).optional().describe('For validation: one entry per field (`pointer`, a JSON Pointer into the body) or query parameter.'),
  })
  .catchall(z.unknown())
  .meta({ id: 'Problem', description: `RFC 9457 problem details. Types: ${Object.keys(PROBLEM_TYPES).join(', ')}.` })

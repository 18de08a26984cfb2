import type * as core from 'zod/v4/core'
import { z } from 'zod'
import { requestOrigin } from '~/audit/audit.server'
import { getEnv } from '~/env.server'
import { UUID } from '~/http/uuid'
import type { ApiAnswer, ApiContext, Operation } from './api-request.server'
import {
  CoefficientsQuery,
  ContractBulkInput,
  ContractInput,
  ContractReport,
  ContributionScaleList,
  JustificationDetail,
  JustificationDraftInput,
  JustificationPage,
  ListJustificationsQuery,
  ReturnCoefficients,
  SubmitInput,
} from './api-schemas.server'
import { createDraftForApi } from './create-draft-for-api.server'
import { listJustificationsForApi } from './list-justifications-for-api.server'
import { ApiProblem, type ProblemSlug } from './problem.server'
import { readContributionScalesForApi } from './read-contribution-scales-for-api.server'
import { readJustificationForApi } from './read-justification-for-api.server'
import { readReturnCoefficientsForApi } from './read-return-coefficients-for-api.server'
import { recordContractsForApi } from './record-contracts-for-api.server'
import { submitForApi } from './submit-for-api.server'
import { validateBody } from './validate-input.server'

// Every operation of /api/v1 in one list: the route modules answer with them, and the OpenAPI
// document (openapi-document.server.ts) is generated from the same entries, so what is documented
// is what answers.

export type DocumentedOperation = Operation & {
  id: string
  method: 'get' | 'post'
  /** OpenAPI path, under /api/v1. */
  path: string
  summary: string
  description?: string
  pathParams?: z.ZodObject
  query?: z.ZodObject
  body?: core.$ZodType
  success: { status: number; description: string; schema: core.$ZodType; location?: boolean; alsoStatus?: number }
  /** The problems it may answer besides those of every operation (401, 403 scope, 429, 500). */
  problems: ProblemSlug[]
}

const idParam = z.object({ id: z.string().uuid().describe('The justification’s id.') })

function justificationId(context: ApiContext): string {
  const id = context.params.id ?? ''
  if (!UUID.test(id)) throw new ApiProblem('not-found', 'No justification with this id, or not one this key may see.')
  return id.toLowerCase()
}

async function detailOrNotFound(context: ApiContext, id: string) {
  const detail = await readJustificationForApi(context.db, context.caller.viewer, id, { now: context.now, say: context.say })
  if (!detail) throw new ApiProblem('not-found', 'No justification with this id, or not one this key may see.')
  return detail
}

const contractReport = (result: Awaited<ReturnType<typeof recordContractsForApi>>, say: (text: string) => string) => ({
  recorded: result.created.length,
  unchanged: result.unchanged.length,
  rejected: result.rejected.length,
  contracts: [...result.created.map((c) => ({ ...c, outcome: 'recorded' as const })), ...result.unchanged.map((c) => ({ ...c, outcome: 'unchanged' as const }))].sort((a, b) => a.row - b.row),
  rejections: result.rejected.map((r) => ({ row: r.row, orderNumber: r.orderNumber, reasons: r.reasons.map(say) })),
})

const appUrlOf = (context: ApiContext) => getEnv().APP_URL ?? context.url.origin

export const operations = {
  listJustifications: {
    id: 'listJustifications',
    method: 'get',
    path: '/justifications',
    summary: 'List justifications',
    description: 'Every justification the key may see (a person’s key: what that person sees; a service key: everything), with the procurement list’s filters, newest reference first, a page at a time.',
    scope: 'read:justifications',
    query: ListJustificationsQuery,
    success: { status: 200, description: 'A page of justifications and the cursor of the next one (null on the last page).', schema: JustificationPage },
    problems: ['validation-failed'],
    run: async (context) => ({ status: 200, body: await listJustificationsForApi(context.db, context.caller.viewer, context.url.searchParams, context.say) }),
  },
  createJustificationDraft: {
    id: 'createJustificationDraft',
    method: 'post',
    path: '/justifications',
    summary: 'File a draft',
    description: 'Files a new draft for the key’s person, with the filing form’s fields and checks. A service key is refused (403).',
    scope: 'write:justifications',
    body: JustificationDraftInput,
    success: { status: 201, description: 'The draft, as read back.', schema: JustificationDetail, location: true },
    problems: ['validation-failed', 'forbidden', 'malformed-request', 'unsupported-media-type', 'idempotency-key-reused', 'idempotency-key-in-use'],
    run: async (context): Promise<ApiAnswer> => {
      const fields = validateBody(JustificationDraftInput, context.body, context.say)
      const created = await createDraftForApi(context.db, context.caller, fields, { origin: requestOrigin(context.request), now: context.now, say: context.say })
      return { status: 201, body: await detailOrNotFound(context, created.id), headers: { Location: `/api/v1/justifications/${created.id}` } }
    },
  },
  getJustification: {
    id: 'getJustification',
    method: 'get',
    path: '/justifications/{id}',
    summary: 'Read a justification',
    description: 'One justification with its signature chain and timeline.',
    scope: 'read:justifications',
    pathParams: idParam,
    success: { status: 200, description: 'The justification.', schema: JustificationDetail },
    problems: ['not-found'],
    run: async (context) => ({ status: 200, body: await detailOrNotFound(context, justificationId(context)) }),
  },
  submitJustification: {
    id: 'submitJustification',
    method: 'post',
    path: '/justifications/{id}/submit',
    summary: 'Submit a draft',
    description: 'Submits a draft (or resubmits after changes) as its requester: the CHF amount, the policy and the signatories are fixed now and the chain starts.',
    scope: 'write:justifications',
    pathParams: idParam,
    body: SubmitInput,
    success: { status: 200, description: 'The justification, submitted.', schema: JustificationDetail },
    problems: ['not-found', 'validation-failed', 'forbidden', 'conflict', 'malformed-request', 'unsupported-media-type', 'idempotency-key-reused', 'idempotency-key-in-use'],
    run: async (context) => {
      const id = justificationId(context)
      const { rowVersion } = validateBody(SubmitInput, context.body, context.say)
      await submitForApi(context.db, context.caller, id, { rowVersion, origin: requestOrigin(context.request), now: context.now, say: context.say })
      return { status: 200, body: await detailOrNotFound(context, id) }
    },
  },
  createContract: {
    id: 'createContract',
    method: 'post',
    path: '/contracts',
    summary: 'Record a contract',
    description: 'Records one contract, checked as a row of the contract CSV import. The same contract again is "unchanged" (200); a rejected row is 422 with the import’s reasons.',
    scope: 'write:contracts',
    body: ContractInput,
    success: { status: 201, alsoStatus: 200, description: 'Recorded (201) or already recorded with the same values (200): the report of this one row.', schema: ContractReport },
    problems: ['validation-failed', 'forbidden', 'contract-rejected', 'malformed-request', 'unsupported-media-type', 'idempotency-key-reused', 'idempotency-key-in-use'],
    run: async (context) => {
      requireProcurement(context)
      const row = validateBody(ContractInput, context.body, context.say)
      const result = await recordContractsForApi(context.db, context.caller, [row], { now: context.now, origin: requestOrigin(context.request), appUrl: appUrlOf(context) })
      const report = contractReport(result, context.say)
      if (report.rejected > 0) {
        const reasons = report.rejections[0]!.reasons
        throw new ApiProblem('contract-rejected', `The contract was rejected: ${reasons.join('; ')}.`, { errors: reasons.map((detail) => ({ pointer: '#', detail })), rejections: report.rejections })
      }
      const headers: Record<string, string> = report.recorded > 0 ? { Location: '/api/v1/contracts' } : {}
      return { status: report.recorded > 0 ? 201 : 200, body: report, headers }
    },
  },
  upsertContracts: {
    id: 'upsertContracts',
    method: 'post',
    path: '/contracts/bulk',
    summary: 'Record contracts in bulk, by order number',
    description: `Up to ${1000} rows, each checked as a row of the contract CSV import, with its report: new order numbers are recorded, the same values again are unchanged, and a row is rejected for the import’s reasons (a recorded contract is never changed: a row with other values under its number is rejected).`,
    scope: 'write:contracts',
    body: ContractBulkInput,
    success: { status: 200, description: 'The row report: what was recorded, unchanged, rejected and why.', schema: ContractReport },
    problems: ['validation-failed', 'forbidden', 'malformed-request', 'unsupported-media-type', 'idempotency-key-reused', 'idempotency-key-in-use'],
    run: async (context) => {
      requireProcurement(context)
      const { rows } = validateBody(ContractBulkInput, context.body, context.say)
      const result = await recordContractsForApi(context.db, context.caller, rows, { now: context.now, origin: requestOrigin(context.request), appUrl: appUrlOf(context) })
      return { status: 200, body: contractReport(result, context.say) }
    },
  },
  listContributionScales: {
    id: 'listContributionScales',
    method: 'get',
    path: '/contribution-scales',
    summary: 'Read the contribution scales',
    description: 'Every year’s scale of contributions to the budget, as procurement entered or imported it.',
    scope: 'read:statistics',
    success: { status: 200, description: 'The scales, by year.', schema: ContributionScaleList },
    problems: ['forbidden'],
    run: async (context) => {
      requireProcurement(context)
      return { status: 200, body: await readContributionScalesForApi(context.db) }
    },
  },
  getReturnCoefficients: {
    id: 'getReturnCoefficients',
    method: 'get',
    path: '/return-coefficients',
    summary: 'Read the return coefficients for a window and category',
    description: 'Every country’s return coefficient, shares and band for the window and category, as the industrial-return dashboard computes them.',
    scope: 'read:statistics',
    query: CoefficientsQuery,
    success: { status: 200, description: 'The coefficients.', schema: ReturnCoefficients },
    problems: ['validation-failed', 'forbidden'],
    run: async (context) => {
      requireProcurement(context)
      return { status: 200, body: await readReturnCoefficientsForApi(context.db, context.url.searchParams, { now: context.now, say: context.say }) }
    },
  },
} satisfies Record<string, DocumentedOperation>

/** The industrial-return pages are procurement's (requireProcurementOfficer): so are their figures and the ledger here. */
function requireProcurement(context: ApiContext) {
  const { viewer } = context.caller
  if (!viewer.isProcurementOfficer && !viewer.isAdministrator) throw new ApiProblem('forbidden', 'Only procurement officers (or a service key) may use this operation, as only they may open its pages.')
}

export const ALL_OPERATIONS: DocumentedOperation[] = Object.values(operations)

import type { DatabaseOrTransaction } from '~/db/client.server'
import type { Prisma } from '~/generated/prisma/client'
import { procurementListRows } from '~/justifications/list-filters.server'
import { listSelect, toItem } from '~/justifications/list-item.server'
import { parseListQuery, PROCUREMENT_LIST_DEFAULT_SORT } from '~/justifications/list-query'
import type { Viewer } from '~/justifications/visibility.server'
import { ApiProblem } from './problem.server'
import { refuseParameters } from './validate-input.server'

export const DEFAULT_PAGE_SIZE = 50
export const MAX_PAGE_SIZE = 200

// Cursor pagination over the procurement list's filters and visibility (procurementListRows, as the
// page, CSV and ZIP read them), in one fixed order: the reference, newest first. References are
// unique and never change, so a page boundary is exact: no item is seen twice or skipped when items
// are added meanwhile (new ones sort first and are not visited, as with any keyset).

const encodeCursor = (reference: string) => Buffer.from(JSON.stringify({ r: reference })).toString('base64url')
function decodeCursor(cursor: string): string | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    return value && typeof value === 'object' && typeof (value as { r?: unknown }).r === 'string' ? (value as { r: string }).r : null
  } catch {
    return null
  }
}

export async function listJustificationsForApi(db: DatabaseOrTransaction, viewer: Viewer, params: URLSearchParams, say: (text: string) => string) {
  const { query, problems } = parseListQuery(params, PROCUREMENT_LIST_DEFAULT_SORT)
  refuseParameters(problems, say)
  const limitText = params.get('limit')
  const limit = limitText === null ? DEFAULT_PAGE_SIZE : Number(limitText)
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new ApiProblem('validation-failed', 'Some query parameters were refused; see `errors`.', { errors: [{ parameter: 'limit', detail: `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.` }] })
  }
  const cursorText = params.get('cursor')
  const after = cursorText === null ? null : decodeCursor(cursorText)
  if (cursorText !== null && after === null) throw new ApiProblem('validation-failed', 'Some query parameters were refused; see `errors`.', { errors: [{ parameter: 'cursor', detail: 'Not a cursor this API gave.' }] })
  const { where } = procurementListRows(viewer, query)
  const page: Prisma.JustificationWhereInput = after === null ? where : { AND: [where, { reference: { lt: after } }] }
  const rows = await db.justification.findMany({ where: page, select: listSelect, orderBy: [{ reference: 'desc' }], take: limit + 1 })
  const items = rows.slice(0, limit).map(toItem)
  const nextCursor = rows.length > limit ? encodeCursor(items[items.length - 1]!.reference) : null
  return {
    items: items.map(({ supplierCountryName: _name, createdOn: _createdOn, policyVersion: _policyVersion, ...item }) => item),
    nextCursor,
  }
}

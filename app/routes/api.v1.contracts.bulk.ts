import { apiRoute } from '~/api/api-request.server'
import { operations } from '~/api/api-operations.server'

// POST: record contracts in bulk by order number, with the CSV import's row report.
const route = apiRoute({ POST: operations.upsertContracts })
export const loader = route.loader
export const action = route.action

import { apiRoute } from '~/api/api-request.server'
import { operations } from '~/api/api-operations.server'

// POST: record one contract, checked as a row of the contract CSV import.
const route = apiRoute({ POST: operations.createContract })
export const loader = route.loader
export const action = route.action

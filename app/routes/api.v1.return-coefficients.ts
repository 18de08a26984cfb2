import { apiRoute } from '~/api/api-request.server'
import { operations } from '~/api/api-operations.server'

// GET: the return coefficients for a window and category.
const route = apiRoute({ GET: operations.getReturnCoefficients })
export const loader = route.loader
export const action = route.action

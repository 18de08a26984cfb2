import { apiRoute } from '~/api/api-request.server'
import { operations } from '~/api/api-operations.server'

// GET: one justification with its chain and timeline.
const route = apiRoute({ GET: operations.getJustification })
export const loader = route.loader
export const action = route.action

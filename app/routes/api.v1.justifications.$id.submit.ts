import { apiRoute } from '~/api/api-request.server'
import { operations } from '~/api/api-operations.server'

// POST: submit a draft, as its page's Submit does.
const route = apiRoute({ POST: operations.submitJustification })
export const loader = route.loader
export const action = route.action

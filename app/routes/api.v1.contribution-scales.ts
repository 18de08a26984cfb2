import { apiRoute } from '~/api/api-request.server'
import { operations } from '~/api/api-operations.server'

// GET: every year's contribution scale.
const route = apiRoute({ GET: operations.listContributionScales })
export const loader = route.loader
export const action = route.action

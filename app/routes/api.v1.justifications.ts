import { apiRoute } from '~/api/api-request.server'
import { operations } from '~/api/api-operations.server'

// GET: the justifications the key may see; POST: file a draft (app/api/api-operations.server.ts).
const route = apiRoute({ GET: operations.listJustifications, POST: operations.createJustificationDraft })
export const loader = route.loader
export const action = route.action

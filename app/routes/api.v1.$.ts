import { noSuchApiPath } from '~/api/api-request.server'

// Any other address under /api/v1: a 404 problem, whatever the method (not the HTML 404 page).
export const loader = ({ request }: { request: Request }) => noSuchApiPath(request)
export const action = loader

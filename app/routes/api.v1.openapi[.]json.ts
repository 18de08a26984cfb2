import { openApiDocument } from '~/api/openapi-document.server'
import { problemResponse } from '~/api/problem.server'

// The OpenAPI 3.1 document of /api/v1, public (it describes, it gives nothing away).
export function loader() {
  return new Response(JSON.stringify(openApiDocument()), { headers: { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=300' } })
}

export function action({ request }: { request: Request }) {
  return problemResponse('method-not-allowed', `${request.method} is not allowed on /api/v1/openapi.json; allowed: GET.`, { headers: { Allow: 'GET' } })
}

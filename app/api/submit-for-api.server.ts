import type { RequestOrigin } from '~/audit/audit.server'
import type { Database } from '~/db/client.server'
import { loadJustificationPage } from '~/justifications/page.server'
import { submitJustification } from '~/justifications/submit-justification.server'
import type { ApiCaller } from './authenticate-api-key.server'
import { ApiProblem } from './problem.server'
import { failureProblem } from './transition-problem.server'

/**
 * Submits a draft as its page's Submit does (submitJustification with the row version the caller
 * read): acting needs seeing (404 otherwise), and the workflow decides who may (the requester).
 */
export async function submitForApi(db: Database, caller: ApiCaller, id: string, { rowVersion, origin, now, say }: { rowVersion?: number; origin: RequestOrigin; now: Date; say: (text: string) => string }) {
  const page = await loadJustificationPage(db, caller.viewer, id, now)
  if (!page) throw new ApiProblem('not-found', 'No justification with this id, or not one this key may see.')
  if (!caller.person) throw new ApiProblem('forbidden', 'A service key cannot submit a justification: only its requester can.')
  const result = await submitJustification(db, { id, rowVersion, actor: { id: caller.person.id, origin }, now })
  if (!result.ok) throw failureProblem(result, say)
  return result
}

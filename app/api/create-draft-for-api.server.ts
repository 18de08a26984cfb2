import type { RequestOrigin } from '~/audit/audit.server'
import type { Database } from '~/db/client.server'
import { createJustification } from '~/justifications/create-justification.server'
import type { JustificationFields } from '~/justifications/prepare-fields.server'
import type { ApiCaller } from './authenticate-api-key.server'
import { ApiProblem } from './problem.server'
import { failureProblem } from './transition-problem.server'

/** Files a draft for the key's person, as the filing form does (createJustification). A service key files nothing: a justification has a requester. */
export async function createDraftForApi(db: Database, caller: ApiCaller, fields: JustificationFields, { origin, now, say }: { origin: RequestOrigin; now: Date; say: (text: string) => string }) {
  if (!caller.person) throw new ApiProblem('forbidden', 'A service key cannot file a justification: a justification is filed by a person (use a key that acts for the requester).')
  const created = await createJustification(db, { fields, actor: { id: caller.person.id, origin }, now })
  if (!created.ok) throw failureProblem(created, say)
  return created
}

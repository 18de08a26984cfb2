import type { DatabaseOrTransaction } from '~/db/client.server'
import { UUID } from '~/http/uuid'

/**
 * Whether a justification has this id at all, whoever may see it: what tells "you may not see it"
 * (403) from "there is none" (404) once the visibility filter found nothing. Ids are random UUIDs,
 * so the answer reveals only that the link a person holds is a real one (ADR 025).
 */
export async function justificationExists(db: DatabaseOrTransaction, id: string | undefined): Promise<boolean> {
  if (!id || !UUID.test(id)) return false
  return (await db.justification.count({ where: { id } })) > 0
}

import type { DatabaseOrTransaction } from '~/db/client.server'
import { justificationExists } from './justification-exists.server'
import { noSuchJustification } from './justification-refusals'

/**
 * The answer to a person who got no justification for this id: `refusal` (a 403 saying what they may
 * not do) when one exists, "No such justification" (404) when none has this id (ADR 025). The one
 * rule behind the view, edit, review and PDF routes.
 */
export async function refuseJustification(db: DatabaseOrTransaction, request: Request, id: string | undefined, refusal: (request: Request) => Response): Promise<Response> {
  return (await justificationExists(db, id)) ? refusal(request) : noSuchJustification(request)
}

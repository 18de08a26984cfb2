import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { answerApi } from '~/api/api-request.server'
import { operations } from '~/api/api-operations.server'

// GET: the justifications the key may see; POST: file a draft (app/api/api-operations.server.ts).
// Inside the functions: the compiler drops them from the browser's bundle, and the .server modules with them.
export const loader = (args: LoaderFunctionArgs) => answerApi(args, { GET: operations.listJustifications, POST: operations.createJustificationDraft })
export const action = (args: ActionFunctionArgs) => answerApi(args, { GET: operations.listJustifications, POST: operations.createJustificationDraft })

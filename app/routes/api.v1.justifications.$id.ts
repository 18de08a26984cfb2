import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { answerApi } from '~/api/api-request.server'
import { operations } from '~/api/api-operations.server'

// GET: one justification with its chain and timeline.
// Inside the functions: the compiler drops them from the browser's bundle, and the .server modules with them.
export const loader = (args: LoaderFunctionArgs) => answerApi(args, { GET: operations.getJustification })
export const action = (args: ActionFunctionArgs) => answerApi(args, { GET: operations.getJustification })

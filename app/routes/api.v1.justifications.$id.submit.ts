import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { answerApi } from '~/api/api-request.server'
import { operations } from '~/api/api-operations.server'

// POST: submit a draft, as its page's Submit does.
// Inside the functions: the compiler drops them from the browser's bundle, and the .server modules with them.
export const loader = (args: LoaderFunctionArgs) => answerApi(args, { POST: operations.submitJustification })
export const action = (args: ActionFunctionArgs) => answerApi(args, { POST: operations.submitJustification })

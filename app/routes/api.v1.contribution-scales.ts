import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { answerApi } from '~/api/api-request.server'
import { operations } from '~/api/api-operations.server'

// GET: every year's contribution scale.
// Inside the functions: the compiler drops them from the browser's bundle, and the .server modules with them.
export const loader = (args: LoaderFunctionArgs) => answerApi(args, { GET: operations.listContributionScales })
export const action = (args: ActionFunctionArgs) => answerApi(args, { GET: operations.listContributionScales })

import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { answerApi } from '~/api/api-request.server'
import { operations } from '~/api/api-operations.server'

// POST: record contracts in bulk by order number, with the CSV import's row report.
// Inside the functions: the compiler drops them from the browser's bundle, and the .server modules with them.
export const loader = (args: LoaderFunctionArgs) => answerApi(args, { POST: operations.upsertContracts })
export const action = (args: ActionFunctionArgs) => answerApi(args, { POST: operations.upsertContracts })

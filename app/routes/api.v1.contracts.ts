import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { answerApi } from '~/api/api-request.server'
import { operations } from '~/api/api-operations.server'

// POST: record one contract, checked as a row of the contract CSV import.
// Inside the functions: the compiler drops them from the browser's bundle, and the .server modules with them.
export const loader = (args: LoaderFunctionArgs) => answerApi(args, { POST: operations.createContract })
export const action = (args: ActionFunctionArgs) => answerApi(args, { POST: operations.createContract })

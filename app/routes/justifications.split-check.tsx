import type { LoaderFunctionArgs } from '@remix-run/node'
import { requirePerson } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { splitPurchaseWarningFor } from '~/justifications/split-purchase.server'

/** For the filing form as the person types: would this be a split purchase? (A warning, not a block.) */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePerson(request)
  const params = new URL(request.url).searchParams
  const warning = await splitPurchaseWarningFor(getDatabase(), {
    justificationId: params.get('justificationId'),
    groupId: params.get('groupId') ?? '',
    supplierName: params.get('supplierName') ?? '',
    amount: params.get('amount') ?? '',
    currency: params.get('currency') ?? '',
    now: new Date(),
  })
  return { warning }
}

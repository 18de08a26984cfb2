import type { LoaderFunctionArgs } from '@remix-run/node'
import type { TFunction } from 'i18next'
import { languageOfRequest, translatorFor } from '~/i18n/i18n.server'
import { translateMessage } from '~/i18n/message'
import { requirePerson } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { splitPurchaseWarningFor } from '~/justifications/split-purchase.server'
import { seesGroupOf } from '~/justifications/visibility.server'

/** For the filing form as the person types: would this be a split purchase? (A warning, not a block.) */
export async function loader({ request }: LoaderFunctionArgs) {
  const person = await requirePerson(request)
  const params = new URL(request.url).searchParams
  const groupId = params.get('groupId') ?? ''
  const warning = await splitPurchaseWarningFor(getDatabase(), {
    justificationId: params.get('justificationId'),
    groupId,
    supplierName: params.get('supplierName') ?? '',
    amount: params.get('amount') ?? '',
    currency: params.get('currency') ?? '',
    now: new Date(),
    // Somebody filing for another group learns that there is a risk, not what that group bought.
    detailed: seesGroupOf(person, groupId),
  })
  // The form shows it as it comes: worded here, in the reader's language.
  return { warning: warning === null ? null : translateMessage(translatorFor(await languageOfRequest(request, person), 'justifications') as unknown as TFunction, warning) }
}

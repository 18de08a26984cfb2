import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { requireProcurementOfficer } from '~/auth/session.server'

/** The "open year" form on the scales page, without JavaScript: a GET that lands on the year's page. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireProcurementOfficer(request)
  const year = new URL(request.url).searchParams.get('year') ?? ''
  return redirect(/^\d{4}$/.test(year) ? `/industrial-return/scales/${year}` : '/industrial-return/scales')
}

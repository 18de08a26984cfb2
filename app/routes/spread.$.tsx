import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { requirePerson } from '~/auth/session.server'

/**
 * The industrial-return pages lived under /spread until the name was made one (issue 9, ADR 015).
 * Bookmarks and emails sent before then keep working: a permanent redirect to the same page under
 * /industrial-return, after the usual sign-in check (so a signed-out visitor is sent to sign in).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePerson(request)
  const url = new URL(request.url)
  const rest = params['*'] ? `/${params['*']}` : ''
  return redirect(`/industrial-return${rest}${url.search}`, 301)
}

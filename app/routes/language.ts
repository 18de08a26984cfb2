import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { getSignedInPerson, safeRedirectTarget } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { readForm } from '~/http/request-body.server'
import { languageCookie } from '~/i18n/i18n.server'
import { isLanguage } from '~/i18n/languages'
import { message } from '~/i18n/message'
import { pageError } from '~/ui/error-page'
import { savePreferredLanguage } from '~/i18n/save-preferred-language.server'

/**
 * The language switch (root.tsx): saves the choice for the person signed in, and on this browser
 * (so that the sign-in page, before signing in, and the pages after signing out keep it), then
 * returns to the page the switch was on.
 */
export async function action({ request }: ActionFunctionArgs) {
  // A body that is not a form (JSON, plain text, a broken multipart) is refused with 400/415, not a 500.
  const form = await readForm(request)
  const language = form.get('language')
  if (!isLanguage(language)) {
    throw pageError(400, { title: message('common:errorPage.badRequest.title'), message: message('common:language.unknown') }, request)
  }
  const person = await getSignedInPerson(request)
  if (person) await savePreferredLanguage(getDatabase(), person.id, language)
  return redirect(safeRedirectTarget(form.get('redirectTo')), { headers: { 'Set-Cookie': await languageCookie.serialize(language) } })
}

export function loader() {
  throw redirect('/')
}

import type { LoaderFunctionArgs } from '@remix-run/node'
import { catalogues } from '~/i18n/catalogues.server'
import { isLanguage } from '~/i18n/languages'
import { isNamespace } from '~/i18n/namespaces'
import { cataloguesVersion } from '~/i18n/catalogues-version.server'
import { languageOfRequest, translatorFor } from '~/i18n/i18n.server'

/**
 * One namespace of one language, for the browser's i18next (entry.client.tsx). The page asks with
 * the catalogues' version in its address (?v=), so a release with new messages is a new address and
 * the answer can be cached for a year.
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const { language, namespace } = params
  if (!isLanguage(language) || !isNamespace(namespace)) {
    // Asked for by the browser's i18next, or by a person typing the address: plain text in the asker's language.
    const t = translatorFor(await languageOfRequest(request, null), 'common')
    return new Response(t('requestRefusals.noSuchCatalogue'), { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  }
  const versioned = new URL(request.url).searchParams.get('v') === cataloguesVersion()
  return new Response(JSON.stringify(catalogues[language][namespace]), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': versioned ? 'public, max-age=31536000, immutable' : 'no-cache',
    },
  })
}

import { RemixBrowser } from '@remix-run/react'
import i18next from 'i18next'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { getInitialNamespaces } from 'remix-i18next/client'
import { holdDiscreteEventsUntilLoaderDataIsDecoded } from './discrete-events-before-hydration'
import { fetchBackend } from './i18n/fetch-backend'
import { isLanguage } from './i18n/languages'
import { addFormatters, i18nextOptions } from './i18n/options'

holdDiscreteEventsUntilLoaderDataIsDecoded()

/**
 * The browser's i18next speaks the language the server rendered the page in (<html lang>), with
 * the namespaces its routes named (handle.i18n), fetched before hydrating so that the first render
 * in the browser says exactly what the server said. Later pages fetch theirs as they need them.
 */
async function hydrate() {
  const language = document.documentElement.lang
  const version = document.querySelector<HTMLMetaElement>('meta[name="solesource-messages"]')?.content ?? ''
  await i18next
    .use(initReactI18next)
    .use(fetchBackend(version))
    .init({
      ...i18nextOptions,
      lng: isLanguage(language) ? language : 'en',
      ns: getInitialNamespaces(),
    })
  addFormatters(i18next)

  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    )
  })
}

void hydrate()

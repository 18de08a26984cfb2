import type { ReactElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { i18nFor } from '~/i18n/i18n.server'
import type { Language } from '~/i18n/languages'

/** A component's markup as the server renders it for a reader of `language` (English unless said). */
export function renderMarkup(element: ReactElement, language: Language = 'en'): string {
  return renderToStaticMarkup(<I18nextProvider i18n={i18nFor(language)}>{element}</I18nextProvider>)
}

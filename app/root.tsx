import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import {
  Form,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react'
import { useEffect, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useChangeLanguage } from 'remix-i18next/react'
import { getSignedInPerson } from '~/auth/session.server'
import { getEnv } from '~/env.server'
import { cataloguesVersion } from '~/i18n/catalogues-version.server'
import { languageOfRequest } from '~/i18n/i18n.server'
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, type Language } from '~/i18n/languages'
import { namespacesOf, routeTitleOf, type RouteHandle } from '~/i18n/route-handle'
import stylesheet from '~/styles.css'
import { ErrorPage, errorPageTitle } from '~/ui/error-page'
import { SITE_ICON_SVG } from '~/ui/site-icon'
import { opensFor, SITE_SECTIONS } from '~/ui/site-sections'

// The icon in the page itself (and at /favicon.ico): without one, browsers log a 404 for it.
const ICON = `data:image/svg+xml,${encodeURIComponent(SITE_ICON_SVG)}`

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: ICON, type: 'image/svg+xml' },
]
// Titles are the layout's (DocumentTitle below), in the reader's language; no route exports `meta`.
export const meta: MetaFunction = () => []

// The forms messages (field and form errors, app/locales/*/forms.json) on every page: most pages
// have a form, the browser validates with the same schemas, and the file is a few kB; one place rather
// than a list in every route that a new form could forget.
export const handle: RouteHandle = { i18n: ['common', 'forms'] }

export async function loader({ request }: LoaderFunctionArgs) {
  const person = await getSignedInPerson(request)
  return {
    language: await languageOfRequest(request, person),
    messagesVersion: cataloguesVersion(),
    person: person && {
      name: person.name,
      email: person.email,
      isAdministrator: person.isAdministrator,
      isProcurementOfficer: person.isProcurementOfficer,
    },
    localMailbox: !getEnv().SMTP_URL,
  }
}

type HeaderData = {
  person: {
    name: string
    isAdministrator: boolean
    isProcurementOfficer: boolean
  } | null
  localMailbox: boolean
}

/** The main navigation's links, for who is signed in (the same in the wide bar and in the phone menu). */
function MainLinks({ person, localMailbox }: HeaderData) {
  const { t } = useTranslation()
  return (
    <ul>
      {SITE_SECTIONS.filter((section) => !section.notInMenu && opensFor(section, person, localMailbox)).map((section) => (
        <li key={section.href}>
          <NavLink to={section.href} end={section.exact}>
            {t(section.label)}
          </NavLink>
        </li>
      ))}
    </ul>
  )
}

function WhoIsSignedIn({ person, className }: Pick<HeaderData, 'person'> & { className: string }) {
  const { t } = useTranslation()
  return (
    <div className={className}>
      {person ? (
        <>
          <NavLink to="/profile">{person.name}</NavLink>
          <Form method="post" action="/sign-out" className="inline-form">
            <button type="submit" className="link">
              {t('header.signOut')}
            </button>
          </Form>
        </>
      ) : (
        <NavLink to="/sign-in">{t('header.signIn')}</NavLink>
      )}
    </div>
  )
}

/**
 * The site's header. On a wide screen the whole navigation is in the bar; below 64rem the bar holds
 * the brand and a "Menu" disclosure (a native <details>: it opens without JavaScript, from the
 * keyboard, and says whether it is expanded). Only one of the two is displayed at any width, so
 * there is one "Main" navigation for assistive technology (ADR 023).
 */
function SiteHeader() {
  const data = useRouteLoaderData<typeof loader>('root')
  const header: HeaderData = {
    person: data?.person ?? null,
    localMailbox: Boolean(data?.localMailbox),
  }
  const { t } = useTranslation()
  // A new page starts with the menu closed, as it does without JavaScript.
  const { key: pageKey } = useLocation()
  return (
    <header className="site">
      <div className="bar">
        <a className="brand" href="/">
          SoleSource
        </a>
        <nav aria-label={t('header.mainNavigation')} className="wide-only">
          <MainLinks {...header} />
        </nav>
        <WhoIsSignedIn person={header.person} className="who wide-only" />
        <LanguageSwitch className="language wide-only" />
        <details className="menu" key={pageKey}>
          <summary>{t('header.menu')}</summary>
          <div className="menu-panel">
            <nav aria-label={t('header.mainNavigation')}>
              <MainLinks {...header} />
            </nav>
            <WhoIsSignedIn person={header.person} className="who" />
            <LanguageSwitch className="language" />
          </div>
        </details>
      </div>
    </header>
  )
}

/**
 * The language switch: one button per other language, named in that language ("Français"), that
 * saves the choice (for the signed-in person, or on this browser before signing in) and comes back
 * to the same page. A plain form: it works without JavaScript, and reloads the whole document so
 * that everything on it, scripts' messages included, is in the new language at once.
 */
function LanguageSwitch({ className }: { className: string }) {
  const { t, i18n } = useTranslation()
  const { pathname, search } = useLocation()
  const others = LANGUAGES.filter((language) => language !== i18n.language)
  return (
    <Form method="post" action="/language" reloadDocument className={`inline-form ${className}`} aria-label={t('header.language')}>
      <input type="hidden" name="redirectTo" value={`${pathname}${search}`} />
      {others.map((language) => (
        <button key={language} type="submit" name="language" value={language} className="link" lang={language}>
          {LANGUAGE_NAMES[language]}
        </button>
      ))}
    </Form>
  )
}

/** The document's title: the error's, else the deepest route's (handle.title), then the site's name. */
function DocumentTitle() {
  const matches = useMatches()
  const error = useRouteError()
  const { t } = useTranslation(namespacesOf(matches))
  const { t: common } = useTranslation()
  const title = error ? errorPageTitle(error, common) : routeTitleOf(matches, t)
  return <title>{title ? `${title} · SoleSource` : 'SoleSource'}</title>
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root')
  const language: Language = isLanguage(data?.language) ? data.language : 'en'
  const { t } = useTranslation()
  return (
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {data?.messagesVersion ? <meta name="solesource-messages" content={data.messagesVersion} /> : null}
        <DocumentTitle />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t('header.skipToContent')}
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  )
}

export default function App() {
  const { language } = useLoaderData<typeof loader>()
  // After a client-side navigation that changed who is signed in (and so maybe the language).
  useChangeLanguage(language)
  // Marks the document once React has taken over the server's HTML: browser journeys whose keys
  // must reach React's handlers (not only the fields' native behaviour) wait for it. Keys before
  // then are held from React (ADR 032).
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true'
  }, [])
  return <Outlet />
}

export function ErrorBoundary() {
  const error = useRouteError()
  const { pathname } = useLocation()
  return <ErrorPage error={error} pathname={pathname} />
}

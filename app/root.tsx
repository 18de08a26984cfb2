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
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react'
import { useEffect, type ReactNode } from 'react'
import { getSignedInPerson } from '~/auth/session.server'
import { getEnv } from '~/env.server'
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
// An error page is titled by what happened ("No such justification · SoleSource").
export const meta: MetaFunction = ({ error }) => [{ title: error ? errorPageTitle(error) : 'SoleSource' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const person = await getSignedInPerson(request)
  return {
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
  return (
    <ul>
      {SITE_SECTIONS.filter((section) => !section.notInMenu && opensFor(section, person, localMailbox)).map((section) => (
        <li key={section.href}>
          <NavLink to={section.href} end={section.exact}>
            {section.label}
          </NavLink>
        </li>
      ))}
    </ul>
  )
}

function WhoIsSignedIn({ person, className }: Pick<HeaderData, 'person'> & { className: string }) {
  return (
    <div className={className}>
      {person ? (
        <>
          <NavLink to="/profile">{person.name}</NavLink>
          <Form method="post" action="/sign-out" className="inline-form">
            <button type="submit" className="link">
              Sign out
            </button>
          </Form>
        </>
      ) : (
        <NavLink to="/sign-in">Sign in</NavLink>
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
  // A new page starts with the menu closed, as it does without JavaScript.
  const { key: pageKey } = useLocation()
  return (
    <header className="site">
      <div className="bar">
        <a className="brand" href="/">
          SoleSource
        </a>
        <nav aria-label="Main" className="wide-only">
          <MainLinks {...header} />
        </nav>
        <WhoIsSignedIn person={header.person} className="who wide-only" />
        <details className="menu" key={pageKey}>
          <summary>Menu</summary>
          <div className="menu-panel">
            <nav aria-label="Main">
              <MainLinks {...header} />
            </nav>
            <WhoIsSignedIn person={header.person} className="who" />
          </div>
        </details>
      </div>
    </header>
  )
}

export function Layout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
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
  useLoaderData<typeof loader>()
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

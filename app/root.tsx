import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import {
  Form,
  isRouteErrorResponse,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react'
import type { ReactNode } from 'react'
import { getSignedInPerson } from '~/auth/session.server'
import { getEnv } from '~/env.server'
import stylesheet from '~/styles.css'
import { MessageCard } from '~/ui/notice'

// An icon in the page itself: without one, browsers fetch /favicon.ico on every load and log its 404.
const ICON = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1f4e79"/><text x="16" y="23" font-family="sans-serif" font-size="20" font-weight="bold" fill="#fff" text-anchor="middle">S</text></svg>')}`

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: ICON, type: 'image/svg+xml' },
]
export const meta: MetaFunction = () => [{ title: 'SoleSource' }]

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
  const procurement = person?.isProcurementOfficer || person?.isAdministrator
  return (
    <ul>
      {person ? (
        <>
          <li>
            <NavLink to="/justifications" end>
              My justifications
            </NavLink>
          </li>
          <li>
            <NavLink to="/approvals">Awaiting my signature</NavLink>
          </li>
        </>
      ) : null}
      {procurement ? (
        <>
          <li>
            <NavLink to="/procurement/justifications">All justifications</NavLink>
          </li>
          <li>
            <NavLink to="/industrial-return">Industrial return</NavLink>
          </li>
          <li>
            <NavLink to="/admin/policy">Policy and rates</NavLink>
          </li>
        </>
      ) : null}
      {person ? (
        <li>
          <NavLink to="/industrial-return/mine">Our industrial return</NavLink>
        </li>
      ) : null}
      {person?.isAdministrator ? (
        <>
          <li>
            <NavLink to="/admin" end>
              Organisation
            </NavLink>
          </li>
          <li>
            <NavLink to="/admin/outbox">Outbox</NavLink>
          </li>
        </>
      ) : null}
      {localMailbox ? (
        <li>
          <NavLink to="/mailbox">Local mailbox</NavLink>
        </li>
      ) : null}
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
        <details className="menu">
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
  return <Outlet />
}

export function ErrorBoundary() {
  const error = useRouteError()
  if (isRouteErrorResponse(error)) {
    return (
      <MessageCard title={error.status === 404 ? 'Page not found' : error.status === 403 ? 'Not allowed' : `Error ${error.status}`} role="alert">
        <p>{typeof error.data === 'string' && error.data ? error.data : error.statusText}</p>
        <BackHome />
      </MessageCard>
    )
  }
  return (
    <MessageCard title="Something went wrong" role="alert">
      <p>The problem was logged. Nothing you entered was saved half-way; please try again.</p>
      <BackHome />
    </MessageCard>
  )
}

function BackHome() {
  return (
    <p>
      <a href="/">Back to the home page</a>
    </p>
  )
}

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
import type { ReactNode } from 'react'
import { getSignedInPerson } from '~/auth/session.server'
import { getEnv } from '~/env.server'
import stylesheet from '~/styles.css'
import { ErrorPage, errorPageTitle } from '~/ui/error-page'

// An icon in the page itself: without one, browsers fetch /favicon.ico on every load and log its 404.
const ICON = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1f4e79"/><text x="16" y="23" font-family="sans-serif" font-size="20" font-weight="bold" fill="#fff" text-anchor="middle">S</text></svg>')}`

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: ICON, type: 'image/svg+xml' },
]
// An error page is titled by what happened ("No such justification · SoleSource").
export const meta: MetaFunction = ({ error }) => [{ title: error ? errorPageTitle(error) : 'SoleSource' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const person = await getSignedInPerson(request)
  return {
    person: person && { name: person.name, email: person.email, isAdministrator: person.isAdministrator, isProcurementOfficer: person.isProcurementOfficer },
    localMailbox: !getEnv().SMTP_URL,
  }
}

function SiteHeader() {
  const data = useRouteLoaderData<typeof loader>('root')
  const person = data?.person
  return (
    <header className="site">
      <div className="bar">
        <a className="brand" href="/">
          SoleSource
        </a>
        <nav aria-label="Main">
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
            {person?.isProcurementOfficer || person?.isAdministrator ? (
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
            {data?.localMailbox ? (
              <li>
                <NavLink to="/mailbox">Local mailbox</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
        <div className="who">
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
  const { pathname } = useLocation()
  return <ErrorPage error={error} pathname={pathname} />
}

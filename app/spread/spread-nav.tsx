import { NavLink } from '@remix-run/react'

/** The spread's own pages, for procurement. */
export function SpreadNav() {
  const links: [string, string][] = [
    ['/spread', 'Dashboard'],
    ['/spread/contracts', 'Contracts'],
    ['/spread/awards', 'Record awards'],
    ['/spread/import', 'Import contracts'],
    ['/spread/scales', 'Contribution scales'],
    ['/spread/alerts', 'Alerts'],
    ['/spread/mine', 'Departments and groups'],
  ]
  return (
    <nav aria-label="Industrial return" className="spread-nav">
      <ul>
        {links.map(([to, label]) => (
          <li key={to}>
            <NavLink to={to} end>
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}

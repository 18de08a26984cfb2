import { NavLink } from '@remix-run/react'

/** The industrial return's own pages, for procurement. */
export function ReturnNav() {
  const links: [string, string][] = [
    ['/industrial-return', 'Dashboard'],
    ['/industrial-return/contracts', 'Contracts'],
    ['/industrial-return/awards', 'Record awards'],
    ['/industrial-return/import', 'Import contracts'],
    ['/industrial-return/scales', 'Contribution scales'],
    ['/industrial-return/alerts', 'Alerts'],
    ['/industrial-return/industry-days', 'Industry Days'],
    ['/industrial-return/mine', 'Departments and groups'],
    ['/industrial-return/membership', 'Membership'],
    ['/industrial-return/ceilings', 'Associate ceilings'],
    ['/industrial-return/policy', 'Spread policy'],
    ['/industrial-return/suppliers', 'Suppliers'],
  ]
  return (
    <nav aria-label="Industrial return" className="return-nav">
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

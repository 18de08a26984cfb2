import { NavLink } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/**
 * The industrial return's own pages, for procurement. Its words are the `industrial-return`
 * namespace's: every route that shows it lists that namespace in its `handle.i18n`.
 */
export function ReturnNav() {
  const { t } = useTranslation('industrial-return')
  const links = [
    ['/industrial-return', t('nav.dashboard')],
    ['/industrial-return/contracts', t('nav.contracts')],
    ['/industrial-return/awards', t('nav.awards')],
    ['/industrial-return/import', t('nav.import')],
    ['/industrial-return/scales', t('nav.scales')],
    ['/industrial-return/alerts', t('nav.alerts')],
    ['/industrial-return/industry-days', t('nav.industryDays')],
    ['/industrial-return/mine', t('nav.mine')],
    ['/industrial-return/membership', t('nav.membership')],
    ['/industrial-return/ceilings', t('nav.ceilings')],
    ['/industrial-return/policy', t('nav.policy')],
    ['/industrial-return/suppliers', t('nav.suppliers')],
  ] as const
  return (
    <nav aria-label={t('nav.label')} className="return-nav">
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

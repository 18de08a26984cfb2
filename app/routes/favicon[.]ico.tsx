import { SITE_ICON_SVG } from '~/ui/site-icon'

/** The site icon at the address browsers ask for by default (see app/ui/site-icon.ts). Public. */
export function loader() {
  return new Response(SITE_ICON_SVG, { headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400' } })
}

/**
 * SoleSource's icon, an SVG. Pages carry it in their <head> as a data URI (root.tsx); `/favicon.ico`
 * serves the same picture, because Chromium still asks for that address when the <head> is rebuilt
 * (a client-side navigation to an error page remounts the document), and a 404 there is a console
 * error on every such page.
 */
export const SITE_ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1f4e79"/><text x="16" y="23" font-family="sans-serif" font-size="20" font-weight="bold" fill="#fff" text-anchor="middle">S</text></svg>'

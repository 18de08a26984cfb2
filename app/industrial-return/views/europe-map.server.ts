/**
 * The outline of Europe for the map of bands, projected once per process from world-atlas
 * (Natural Earth 1:110m) with d3-geo. Only shapes go to the page; colours come from the bands.
 */
import { createRequire } from 'node:module'
import { geoAzimuthalEqualArea, geoPath } from 'd3-geo'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import { ALPHA2_BY_NUMERIC } from './country-numeric.ts'

export const MAP_WIDTH = 640
export const MAP_HEIGHT = 560

export interface MapShape {
  /** ISO numeric id of world-atlas. */
  id: string
  /** Alpha-2 when the country is one SoleSource knows; null for neighbours drawn for context. */
  countryCode: string | null
  name: string
  d: string
}

let cached: MapShape[] | null = null

export function europeShapes(): MapShape[] {
  if (cached) return cached
  // Read at run time (not imported): the server build leaves node_modules outside the bundle.
  const world = createRequire(import.meta.url)('world-atlas/countries-110m.json') as Topology<{ countries: GeometryCollection<{ name: string }> }>
  const countries = feature(world, world.objects.countries)
  const frame = { type: 'MultiPoint' as const, coordinates: [[-11, 35], [35, 35], [-11, 70], [35, 70], [12, 71], [12, 34]] }
  const projection = geoAzimuthalEqualArea()
    .rotate([-12, -53])
    .fitExtent([[8, 8], [MAP_WIDTH - 8, MAP_HEIGHT - 8]], frame)
    .clipExtent([[0, 0], [MAP_WIDTH, MAP_HEIGHT]])
  const path = geoPath(projection).digits(1)
  cached = countries.features.flatMap((country) => {
    const d = path(country)
    if (!d) return []
    const id = String(country.id ?? '')
    return [{ id, countryCode: ALPHA2_BY_NUMERIC[id] ?? null, name: country.properties?.name ?? id, d }]
  })
  return cached
}

-- A submission reads only the organisation its routing can reach (docs/decisions/041-routing-reads-only-what-it-can-reach.md):
-- the organisation-wide positions (director, Finance Committee) by their kind, without reading every
-- department's group leaders, heads and deputies to find them.
CREATE INDEX "Position_kind_idx" ON "Position"("kind");

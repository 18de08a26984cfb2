-- The audit trail is append-only. The row trigger of the foundation migration refuses UPDATE and
-- DELETE, but TRUNCATE fires no row trigger: refuse it with a statement-level one. The same
-- function serves: it raises 'AuditEvent rows are append-only (TRUNCATE refused)'.
CREATE TRIGGER "AuditEvent_refuses_truncate"
    BEFORE TRUNCATE ON "AuditEvent"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_is_append_only"();

-- Supplier keys: the split-purchase and duplicate checks now also ignore accents, punctuation,
-- spaces, "and"/"und"/"et" and the legal form at the end of the name ("S.A." = "SA" = nothing).
-- Recompute the stored key of every justification with the same steps as supplierKeyOf in
-- app/justifications/supplier-name.ts (explicit character ranges, so both give the same key); the
-- function exists for this backfill only.
CREATE FUNCTION "supplier_key_backfill"("name" TEXT) RETURNS TEXT AS $$
DECLARE
    folded TEXT;
    tokens TEXT[];
    token_count INTEGER;
    form_length INTEGER;
    stripped BOOLEAN;
    legal_forms CONSTANT TEXT[] := ARRAY[
        'ag', 'gmbh', 'mbh', 'gesmbh', 'ug', 'kg', 'kgaa', 'ohg', 'gbr', 'ev', 'se',
        'sa', 'sas', 'sasu', 'sarl', 'eurl', 'snc', 'sca', 'cie', 'sagl', 'spa', 'srl', 'sl', 'slu', 'sau', 'lda', 'ltda',
        'bv', 'nv', 'bvba', 'vof', 'cv', 'sprl', 'scrl',
        'ab', 'oy', 'oyj', 'as', 'asa', 'aps',
        'sro', 'doo', 'dd', 'kft', 'zrt', 'nyrt', 'spzoo',
        'ltd', 'limited', 'plc', 'llc', 'llp', 'lp', 'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'pty', 'pvt'
    ];
BEGIN
    folded := regexp_replace("name", '[\u00a9\u00ae\u2120\u2122]', ' ', 'g');
    folded := normalize(folded, NFKD);
    folded := regexp_replace(folded, '[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]', '', 'g');
    folded := lower(folded);
    folded := replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(folded,
        'ß', 'ss'), 'æ', 'ae'), 'œ', 'oe'), 'ø', 'o'), 'ł', 'l'), 'đ', 'd'), 'ð', 'd'), 'þ', 'th'), 'ı', 'i'), 'ς', 'σ');
    folded := btrim(regexp_replace(folded, '[\u0001-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u00bf\u00d7\u00f7\u2000-\u206f\u3000]+', ' ', 'g'), ' ');
    SELECT coalesce(array_agg(token ORDER BY position), ARRAY[]::TEXT[]) INTO tokens
        FROM unnest(string_to_array(folded, ' ')) WITH ORDINALITY AS t(token, position)
        WHERE token <> '' AND token NOT IN ('and', 'und', 'et');
    LOOP
        token_count := coalesce(array_length(tokens, 1), 0);
        stripped := false;
        -- Legal forms at the end, the longest first; one spelt over several tokens only from tokens
        -- of at most two letters ("s p a", "sp z o o"); never the whole name.
        FOR form_length IN REVERSE least(4, token_count - 1) .. 1 LOOP
            CONTINUE WHEN form_length > 1 AND EXISTS (
                SELECT 1 FROM unnest(tokens[token_count - form_length + 1 : token_count]) AS tail(token) WHERE length(token) > 2);
            IF array_to_string(tokens[token_count - form_length + 1 : token_count], '') = ANY (legal_forms) THEN
                tokens := tokens[1 : token_count - form_length];
                stripped := true;
                EXIT;
            END IF;
        END LOOP;
        EXIT WHEN NOT stripped;
    END LOOP;
    RETURN array_to_string(tokens, '');
END;
$$ LANGUAGE plpgsql IMMUTABLE;

UPDATE "Justification" SET "supplierKey" = "supplier_key_backfill"("supplierName");

DROP FUNCTION "supplier_key_backfill"(TEXT);

/**
 * Trigram indexes (pg_trgm) for the substring searches of statements: text queries
 * (`search LIKE '%…%'`) and the claims board's phrases (`quote_words LIKE '% a b %'`).
 *
 * The extension is used wherever it is installed, else created in public (it is a trusted
 * extension: a database owner may create it). Where it cannot be had, the indexes are left out
 * with a notice: every query still works, reading the whole table instead.
 */
export const sql = `
DO $$
DECLARE
  home text;
BEGIN
  SELECT n.nspname INTO home FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm';
  IF home IS NULL THEN
    BEGIN
      CREATE EXTENSION pg_trgm WITH SCHEMA public;
      home := 'public';
    EXCEPTION WHEN OTHERS THEN
      RAISE NOTICE 'pg_trgm cannot be created (%): text searches of statements will read the whole table', SQLERRM;
    END;
  END IF;
  IF home IS NOT NULL THEN
    EXECUTE format('CREATE INDEX statements_search ON statements USING gin (search %I.gin_trgm_ops)', home);
    EXECUTE format('CREATE INDEX statements_words ON statements USING gin (quote_words %I.gin_trgm_ops)', home);
  END IF;
END
$$;
`;

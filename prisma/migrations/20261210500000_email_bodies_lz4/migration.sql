-- Email bodies are compressed with LZ4 instead of PostgreSQL's default pglz. A digest run stores
-- ~75,000 emails of ~10 KB (HTML and text); pglz compressed them at a third of LZ4's speed, about
-- 6 s of the database's CPU per run, for sizes within a few per cent. Only new values are
-- compressed this way; stored ones stay readable as they are. A server built without LZ4 (the
-- embedded PostgreSQL of local development) keeps pglz: the same data, only slower to write.
DO $$
BEGIN
  ALTER TABLE "email_messages"
    ALTER COLUMN "html" SET COMPRESSION lz4,
    ALTER COLUMN "text" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  RAISE NOTICE 'this server has no LZ4: email bodies keep pglz';
END
$$;

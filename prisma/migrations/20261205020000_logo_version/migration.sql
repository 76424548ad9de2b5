-- A logo's URL carries a version that must change with every upload. It was the upload's
-- millisecond timestamp, which two uploads in the same millisecond share; it is now a counter
-- kept on the organisation (not on the logo row, which a removal deletes), so a new upload after
-- a removal never reuses an earlier URL. URLs already stored keep working: the logo route
-- compares the requested file with logo_path.

-- AlterTable
ALTER TABLE "organizations" ADD COLUMN "logo_version" INTEGER NOT NULL DEFAULT 0;

-- FTS5 index over papers' title + abstract (BM25), external content keyed by papers.seq.
-- drizzle-kit cannot express virtual tables or triggers, hence this custom migration.
CREATE VIRTUAL TABLE `papers_fts` USING fts5(title, abstract, content='papers', content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `papers_fts_after_insert` AFTER INSERT ON `papers` BEGIN
  INSERT INTO papers_fts(rowid, title, abstract) VALUES (new.seq, new.title, new.abstract);
END;
--> statement-breakpoint
CREATE TRIGGER `papers_fts_after_delete` AFTER DELETE ON `papers` BEGIN
  INSERT INTO papers_fts(papers_fts, rowid, title, abstract) VALUES ('delete', old.seq, old.title, old.abstract);
END;
--> statement-breakpoint
CREATE TRIGGER `papers_fts_after_update` AFTER UPDATE OF title, abstract ON `papers` BEGIN
  INSERT INTO papers_fts(papers_fts, rowid, title, abstract) VALUES ('delete', old.seq, old.title, old.abstract);
  INSERT INTO papers_fts(rowid, title, abstract) VALUES (new.seq, new.title, new.abstract);
END;
--> statement-breakpoint
INSERT INTO papers_fts(papers_fts) VALUES ('rebuild');

-- The audit search's full-text index (issue 18): each journal record's type and details, folded
-- (case, accents: « reception » finds « réception »), keyed by the record's seq. Contentless: the
-- text stays in `events`; the index only answers which records hold a word. Filled here for the
-- records already written, then by the trigger in the very transaction that appends a record,
-- whatever connection appends it (the server, a worker, a `gfa` command).
CREATE VIRTUAL TABLE `events_search` USING fts5(`body`, content='', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
INSERT INTO `events_search` (rowid, `body`) SELECT `seq`, `type` || ' ' || `data` FROM `events`;
--> statement-breakpoint
CREATE TRIGGER `events_search_append` AFTER INSERT ON `events` BEGIN
  INSERT INTO `events_search` (rowid, `body`) VALUES (new.`seq`, new.`type` || ' ' || new.`data`);
END;

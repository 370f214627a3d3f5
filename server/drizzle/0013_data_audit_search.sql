-- The audit search's full-text index (issue 18): each journal record's type, actor and details, folded
-- (case, accents: « reception » finds « réception »), keyed by the record's seq. Contentless: the
-- text stays in `events`; the index only answers which records hold a word. Filled here for the
-- records already written, then by the trigger in the very transaction that appends a record,
-- whatever connection appends it (the server, a worker, a `gfa` command). Prefix indexes of 1 to 3
-- characters: a search's last word is a word's beginning, and short ones (« 3 », « box ») are common.
CREATE VIRTUAL TABLE `events_search` USING fts5(`body`, content='', tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');
--> statement-breakpoint
INSERT INTO `events_search` (rowid, `body`) SELECT `seq`, `type` || ' ' || `actor_kind` || ' ' || `actor_id` || ' ' || `data` FROM `events`;
--> statement-breakpoint
CREATE TRIGGER `events_search_append` AFTER INSERT ON `events` BEGIN
  INSERT INTO `events_search` (rowid, `body`) VALUES (new.`seq`, new.`type` || ' ' || new.`actor_kind` || ' ' || new.`actor_id` || ' ' || new.`data`);
END;

ALTER TABLE `visits` ADD `requeued_by` text;--> statement-breakpoint
ALTER TABLE `visits` ADD `requeued_at` integer;
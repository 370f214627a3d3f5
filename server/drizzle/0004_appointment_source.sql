DROP INDEX `appointments_external`;--> statement-breakpoint
ALTER TABLE `appointments` ADD `source` text;--> statement-breakpoint
CREATE UNIQUE INDEX `appointments_external` ON `appointments` (`source`,`external_id`);
CREATE TABLE `integrations` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`source` text NOT NULL,
	`profile` text NOT NULL,
	`key_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	`last_used_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `integrations_key_hash_unique` ON `integrations` (`key_hash`);--> statement-breakpoint
DROP INDEX `appointments_external`;--> statement-breakpoint
ALTER TABLE `appointments` ADD `source` text;--> statement-breakpoint
CREATE UNIQUE INDEX `appointments_external` ON `appointments` (`source`,`external_id`);
CREATE TABLE `enrolments` (
	`id` text PRIMARY KEY NOT NULL,
	`request_hash` text NOT NULL,
	`code` text NOT NULL,
	`kind` text NOT NULL,
	`hostname` text NOT NULL,
	`ip` text NOT NULL,
	`status` text NOT NULL,
	`device_id` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `enrolments_request_hash_unique` ON `enrolments` (`request_hash`);--> statement-breakpoint
ALTER TABLE `devices` ADD `hostname` text;--> statement-breakpoint
ALTER TABLE `devices` ADD `last_seen_at` integer;--> statement-breakpoint
ALTER TABLE `devices` ADD `revoked_at` integer;--> statement-breakpoint
ALTER TABLE `sessions` ADD `last_seen_at` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `totp_secret` text;--> statement-breakpoint
ALTER TABLE `users` ADD `recovery_codes` text;
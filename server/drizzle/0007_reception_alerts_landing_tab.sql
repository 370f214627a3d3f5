CREATE TABLE `reception_alerts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`day` text NOT NULL,
	`at` integer NOT NULL,
	`kiosk_id` text NOT NULL,
	`reason` text NOT NULL,
	`typed_last_name` text,
	`typed_birth_date` text,
	`typed_reference` text
);
--> statement-breakpoint
CREATE INDEX `reception_alerts_day` ON `reception_alerts` (`day`);--> statement-breakpoint
ALTER TABLE `categories` ADD `administrative` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `landing_tab` text;--> statement-breakpoint
-- Existing centres: the administrative agents' category keeps its usual code.
UPDATE `categories` SET `administrative` = 1 WHERE lower(`code`) = 'administratif';

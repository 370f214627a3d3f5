CREATE TABLE `satisfaction_answers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`day` text NOT NULL,
	`at` integer NOT NULL,
	`kiosk_id` text NOT NULL,
	`score` integer NOT NULL,
	`visit_id` text,
	`reason_id` text,
	`journey_minutes` integer
);
--> statement-breakpoint
CREATE INDEX `satisfaction_answers_day` ON `satisfaction_answers` (`day`);--> statement-breakpoint
CREATE UNIQUE INDEX `satisfaction_answers_visit` ON `satisfaction_answers` (`visit_id`);--> statement-breakpoint
CREATE INDEX `satisfaction_answers_kiosk` ON `satisfaction_answers` (`kiosk_id`,`at`);
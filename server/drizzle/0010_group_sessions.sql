CREATE TABLE `stat_group_days` (
	`day` text NOT NULL,
	`grain` integer NOT NULL,
	`reason_id` text NOT NULL,
	`sessions` integer NOT NULL,
	`participants` integer NOT NULL,
	`session_minutes` integer NOT NULL,
	`facilitator_minutes` integer NOT NULL,
	PRIMARY KEY(`grain`, `day`, `reason_id`)
);
--> statement-breakpoint
ALTER TABLE `visit_steps` ADD `group_settings` text;--> statement-breakpoint
ALTER TABLE `visit_steps` ADD `session` text;
CREATE TABLE `appointments` (
	`id` text PRIMARY KEY NOT NULL,
	`external_id` text,
	`reference` text,
	`day` text NOT NULL,
	`at` integer NOT NULL,
	`reason_id` text NOT NULL,
	`professional_id` text,
	`civility` text NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`last_name_key` text NOT NULL,
	`birth_date` text,
	`status` text NOT NULL,
	FOREIGN KEY (`reason_id`) REFERENCES `reasons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `appointments_day` ON `appointments` (`day`);--> statement-breakpoint
CREATE INDEX `appointments_identity` ON `appointments` (`day`,`last_name_key`,`birth_date`);--> statement-breakpoint
CREATE INDEX `appointments_reference` ON `appointments` (`day`,`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `appointments_external` ON `appointments` (`external_id`);--> statement-breakpoint
CREATE TABLE `categories` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`label` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `categories_code_unique` ON `categories` (`code`);--> statement-breakpoint
CREATE TABLE `checkin_keys` (
	`key` text PRIMARY KEY NOT NULL,
	`visit_id` text,
	`response` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `desks` (
	`day` text NOT NULL,
	`professional_id` text NOT NULL,
	`state` text NOT NULL,
	`room_id` text,
	`since` integer NOT NULL,
	PRIMARY KEY(`day`, `professional_id`)
);
--> statement-breakpoint
CREATE TABLE `devices` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`active` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `devices_token_hash_unique` ON `devices` (`token_hash`);--> statement-breakpoint
CREATE TABLE `events` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`type` text NOT NULL,
	`actor_kind` text NOT NULL,
	`actor_id` text NOT NULL,
	`visit_id` text,
	`step_id` text,
	`professional_id` text,
	`data` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `events_at` ON `events` (`at`);--> statement-breakpoint
CREATE INDEX `events_visit` ON `events` (`visit_id`);--> statement-breakpoint
CREATE TABLE `journey_templates` (
	`id` text NOT NULL,
	`version` integer NOT NULL,
	`reason_id` text NOT NULL,
	`steps` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`id`, `version`),
	FOREIGN KEY (`reason_id`) REFERENCES `reasons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `journey_templates_reason` ON `journey_templates` (`reason_id`);--> statement-breakpoint
CREATE TABLE `notes` (
	`id` text PRIMARY KEY NOT NULL,
	`visit_id` text NOT NULL,
	`at` integer NOT NULL,
	`author_id` text NOT NULL,
	`text` text NOT NULL,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notes_visit` ON `notes` (`visit_id`);--> statement-breakpoint
CREATE TABLE `reasons` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`label` text NOT NULL,
	`priority_class` integer NOT NULL,
	`active` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reasons_code_unique` ON `reasons` (`code`);--> statement-breakpoint
CREATE TABLE `rooms` (
	`id` text PRIMARY KEY NOT NULL,
	`site_id` text NOT NULL,
	`label` text NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`principal_kind` text NOT NULL,
	`principal_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sites` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `user_categories` (
	`user_id` text NOT NULL,
	`category_id` text NOT NULL,
	PRIMARY KEY(`user_id`, `category_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `user_reasons` (
	`user_id` text NOT NULL,
	`reason_id` text NOT NULL,
	PRIMARY KEY(`user_id`, `reason_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reason_id`) REFERENCES `reasons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`login` text NOT NULL,
	`display_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`roles` text NOT NULL,
	`default_room_id` text,
	`active` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`default_room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_login_unique` ON `users` (`login`);--> statement-breakpoint
CREATE TABLE `visit_checks` (
	`visit_id` text NOT NULL,
	`ord` integer NOT NULL,
	`kind` text NOT NULL,
	`mark` text NOT NULL,
	`at` integer NOT NULL,
	`by` text NOT NULL,
	PRIMARY KEY(`visit_id`, `ord`),
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `visit_steps` (
	`id` text PRIMARY KEY NOT NULL,
	`visit_id` text NOT NULL,
	`ord` integer NOT NULL,
	`key` text NOT NULL,
	`label` text NOT NULL,
	`target` text NOT NULL,
	`estimated_minutes` integer NOT NULL,
	`after` text NOT NULL,
	`optional` integer NOT NULL,
	`added` integer NOT NULL,
	`status` text NOT NULL,
	`professional_id` text,
	`room_id` text,
	`called_at` integer,
	`call_count` integer NOT NULL,
	`started_at` integer,
	`ended_at` integer,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `visit_steps_visit` ON `visit_steps` (`visit_id`);--> statement-breakpoint
CREATE TABLE `visits` (
	`id` text PRIMARY KEY NOT NULL,
	`day` text NOT NULL,
	`appointment_id` text,
	`appointment_at` integer,
	`appointment_professional_id` text,
	`reason_id` text NOT NULL,
	`template_id` text NOT NULL,
	`template_version` integer NOT NULL,
	`civility` text NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`birth_date` text,
	`state` text NOT NULL,
	`priority_class` integer NOT NULL,
	`arrived_at` integer,
	`ready_since` integer,
	`away_reason` text,
	`away_since` integer,
	`offer_professional_id` text,
	`offer_step_id` text,
	`offer_at` integer,
	`ended_at` integer
);
--> statement-breakpoint
CREATE INDEX `visits_day` ON `visits` (`day`);--> statement-breakpoint
CREATE INDEX `visits_appointment` ON `visits` (`appointment_id`);
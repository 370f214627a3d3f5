CREATE TABLE `stat_care_minutes` (
	`day` text NOT NULL,
	`grain` integer NOT NULL,
	`professional_id` text NOT NULL,
	`reason_id` text NOT NULL,
	`target_kind` text NOT NULL,
	`target_category_id` text,
	`metric` text NOT NULL,
	`minutes` integer NOT NULL,
	`n` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `stat_care_minutes_grain_day` ON `stat_care_minutes` (`grain`,`day`);--> statement-breakpoint
CREATE TABLE `stat_days` (
	`day` text PRIMARY KEY NOT NULL,
	`built_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stat_journey_minutes` (
	`day` text NOT NULL,
	`grain` integer NOT NULL,
	`reason_id` text NOT NULL,
	`minutes` integer NOT NULL,
	`n` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `stat_journey_minutes_grain_day` ON `stat_journey_minutes` (`grain`,`day`);--> statement-breakpoint
CREATE TABLE `stat_reason_days` (
	`day` text NOT NULL,
	`grain` integer NOT NULL,
	`reason_id` text NOT NULL,
	`visits` integer NOT NULL,
	`convened` integer NOT NULL,
	`handled` integer NOT NULL,
	`not_come` integer NOT NULL,
	`came_not_handled` integer NOT NULL,
	PRIMARY KEY(`grain`, `day`, `reason_id`)
);

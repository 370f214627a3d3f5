CREATE TABLE `settings_migrations` (
	`name` text PRIMARY KEY NOT NULL,
	`applied_at` integer NOT NULL
);

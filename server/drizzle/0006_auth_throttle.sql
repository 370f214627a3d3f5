CREATE TABLE `auth_failures` (
	`key` text PRIMARY KEY NOT NULL,
	`count` integer NOT NULL,
	`since` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `auth_failures_since` ON `auth_failures` (`since`);--> statement-breakpoint
CREATE TABLE `totp_steps` (
	`user_id` text PRIMARY KEY NOT NULL,
	`step` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);

ALTER TABLE `appointments` ADD `birth_name` text;--> statement-breakpoint
ALTER TABLE `appointments` ADD `phone` text;--> statement-breakpoint
ALTER TABLE `appointments` ADD `email` text;
ALTER TABLE `visit_steps` ADD `group_settings` text;--> statement-breakpoint
ALTER TABLE `visit_steps` ADD `session` text;
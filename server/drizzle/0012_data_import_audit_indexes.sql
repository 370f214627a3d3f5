CREATE INDEX `appointments_external_id` ON `appointments` (`external_id`);--> statement-breakpoint
CREATE INDEX `events_actor` ON `events` (`actor_kind`,`actor_id`);
ALTER TABLE `idea_versions` ADD `restored_from` integer;--> statement-breakpoint
ALTER TABLE `studies` ADD `archived_at` integer;
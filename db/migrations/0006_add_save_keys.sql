ALTER TABLE `ideas` ADD `last_save_id` text;--> statement-breakpoint
ALTER TABLE `reviews` ADD `last_save_id` text;
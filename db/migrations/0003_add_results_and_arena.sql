CREATE TABLE `arena_pairs` (
	`id` text PRIMARY KEY NOT NULL,
	`study_id` text NOT NULL,
	`idea_a_id` text NOT NULL,
	`idea_b_id` text NOT NULL,
	`round` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`study_id`) REFERENCES `studies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`idea_a_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`idea_b_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `arena_pairs_study_ideas_idx` ON `arena_pairs` (`study_id`,`idea_a_id`,`idea_b_id`);--> statement-breakpoint
CREATE INDEX `arena_pairs_idea_a_idx` ON `arena_pairs` (`idea_a_id`);--> statement-breakpoint
CREATE INDEX `arena_pairs_idea_b_idx` ON `arena_pairs` (`idea_b_id`);--> statement-breakpoint
CREATE TABLE `arena_snapshots` (
	`id` text PRIMARY KEY NOT NULL,
	`study_id` text NOT NULL,
	`params` text NOT NULL,
	`matches_hash` text NOT NULL,
	`match_count` integer NOT NULL,
	`files` text NOT NULL,
	`published_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`study_id`) REFERENCES `studies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `arena_snapshots_study_idx` ON `arena_snapshots` (`study_id`);--> statement-breakpoint
CREATE INDEX `arena_snapshots_by_idx` ON `arena_snapshots` (`published_by`);--> statement-breakpoint
CREATE TABLE `arena_votes` (
	`id` text PRIMARY KEY NOT NULL,
	`study_id` text NOT NULL,
	`pair_id` text NOT NULL,
	`judge_key` text NOT NULL,
	`judge_id` text,
	`judge_kind` text NOT NULL,
	`status` text NOT NULL,
	`left_idea_id` text NOT NULL,
	`right_idea_id` text NOT NULL,
	`verdicts` text NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`reasoning` text,
	`model` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`study_id`) REFERENCES `studies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`pair_id`) REFERENCES `arena_pairs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`judge_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`left_idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`right_idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `arena_votes_pair_judge_idx` ON `arena_votes` (`pair_id`,`judge_key`);--> statement-breakpoint
CREATE INDEX `arena_votes_study_idx` ON `arena_votes` (`study_id`);--> statement-breakpoint
CREATE INDEX `arena_votes_judge_idx` ON `arena_votes` (`judge_id`);--> statement-breakpoint
CREATE INDEX `arena_votes_left_idx` ON `arena_votes` (`left_idea_id`);--> statement-breakpoint
CREATE INDEX `arena_votes_right_idx` ON `arena_votes` (`right_idea_id`);--> statement-breakpoint
CREATE TABLE `result_snapshots` (
	`id` text PRIMARY KEY NOT NULL,
	`study_id` text NOT NULL,
	`params` text NOT NULL,
	`table_hash` text NOT NULL,
	`review_count` integer NOT NULL,
	`files` text NOT NULL,
	`published_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`study_id`) REFERENCES `studies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `result_snapshots_study_idx` ON `result_snapshots` (`study_id`);--> statement-breakpoint
CREATE INDEX `result_snapshots_by_idx` ON `result_snapshots` (`published_by`);--> statement-breakpoint
ALTER TABLE `studies` ADD `arena_config` text DEFAULT '{}' NOT NULL;
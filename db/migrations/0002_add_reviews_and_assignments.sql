CREATE TABLE `assignment_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`study_id` text NOT NULL,
	`mode` text NOT NULL,
	`params` text NOT NULL,
	`report` text NOT NULL,
	`run_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`study_id`) REFERENCES `studies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`run_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `assignment_runs_study_idx` ON `assignment_runs` (`study_id`);--> statement-breakpoint
CREATE INDEX `assignment_runs_by_idx` ON `assignment_runs` (`run_by`);--> statement-breakpoint
CREATE TABLE `assignments` (
	`id` text PRIMARY KEY NOT NULL,
	`study_id` text NOT NULL,
	`idea_id` text NOT NULL,
	`reviewer_id` text NOT NULL,
	`state` text NOT NULL,
	`source` text NOT NULL,
	`created_at` integer NOT NULL,
	`published_at` integer,
	FOREIGN KEY (`study_id`) REFERENCES `studies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assignments_idea_reviewer_idx` ON `assignments` (`idea_id`,`reviewer_id`);--> statement-breakpoint
CREATE INDEX `assignments_study_state_idx` ON `assignments` (`study_id`,`state`);--> statement-breakpoint
CREATE INDEX `assignments_reviewer_idx` ON `assignments` (`reviewer_id`);--> statement-breakpoint
CREATE TABLE `review_conflicts` (
	`id` text PRIMARY KEY NOT NULL,
	`study_id` text NOT NULL,
	`reviewer_id` text NOT NULL,
	`idea_id` text,
	`author_id` text,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`study_id`) REFERENCES `studies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `review_conflicts_study_idx` ON `review_conflicts` (`study_id`);--> statement-breakpoint
CREATE INDEX `review_conflicts_reviewer_idx` ON `review_conflicts` (`reviewer_id`);--> statement-breakpoint
CREATE INDEX `review_conflicts_idea_idx` ON `review_conflicts` (`idea_id`);--> statement-breakpoint
CREATE INDEX `review_conflicts_author_idx` ON `review_conflicts` (`author_id`);--> statement-breakpoint
CREATE INDEX `review_conflicts_by_idx` ON `review_conflicts` (`created_by`);--> statement-breakpoint
CREATE TABLE `review_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`study_id` text NOT NULL,
	`file_name` text NOT NULL,
	`row_count` integer NOT NULL,
	`imported_by` text,
	`imported_at` integer NOT NULL,
	FOREIGN KEY (`study_id`) REFERENCES `studies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `review_imports_study_idx` ON `review_imports` (`study_id`);--> statement-breakpoint
CREATE INDEX `review_imports_by_idx` ON `review_imports` (`imported_by`);--> statement-breakpoint
CREATE TABLE `reviewer_profiles` (
	`id` text PRIMARY KEY NOT NULL,
	`study_id` text NOT NULL,
	`user_id` text NOT NULL,
	`topic_ids` text NOT NULL,
	`min_load` integer NOT NULL,
	`max_load` integer NOT NULL,
	`institution` text DEFAULT '' NOT NULL,
	`withdrawn_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`study_id`) REFERENCES `studies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reviewer_profiles_study_user_idx` ON `reviewer_profiles` (`study_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `reviewer_profiles_user_idx` ON `reviewer_profiles` (`user_id`);--> statement-breakpoint
CREATE TABLE `reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`study_id` text NOT NULL,
	`idea_id` text NOT NULL,
	`assignment_id` text,
	`reviewer_id` text,
	`status` text NOT NULL,
	`answers` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`active_seconds` integer DEFAULT 0 NOT NULL,
	`first_submitted_at` integer,
	`submitted_at` integer,
	`import_id` text,
	`external_review_id` text,
	`external_reviewer_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`study_id`) REFERENCES `studies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`import_id`) REFERENCES `review_imports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reviews_assignment_idx` ON `reviews` (`assignment_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `reviews_study_external_idx` ON `reviews` (`study_id`,`external_review_id`);--> statement-breakpoint
CREATE INDEX `reviews_study_status_idx` ON `reviews` (`study_id`,`status`);--> statement-breakpoint
CREATE INDEX `reviews_idea_idx` ON `reviews` (`idea_id`);--> statement-breakpoint
CREATE INDEX `reviews_reviewer_idx` ON `reviews` (`reviewer_id`);--> statement-breakpoint
CREATE INDEX `reviews_import_idx` ON `reviews` (`import_id`);--> statement-breakpoint
ALTER TABLE `studies` ADD `review_form` text;--> statement-breakpoint
ALTER TABLE `studies` ADD `review_settings` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `studies` ADD `pseudonym_salt` text;--> statement-breakpoint
ALTER TABLE `users` ADD `institution` text DEFAULT '' NOT NULL;
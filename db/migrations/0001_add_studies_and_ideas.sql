CREATE TABLE `idea_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`study_id` text NOT NULL,
	`file_name` text NOT NULL,
	`format` text NOT NULL,
	`row_count` integer NOT NULL,
	`imported_by` text,
	`imported_at` integer NOT NULL,
	FOREIGN KEY (`study_id`) REFERENCES `studies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `idea_imports_study_idx` ON `idea_imports` (`study_id`);--> statement-breakpoint
CREATE INDEX `idea_imports_by_idx` ON `idea_imports` (`imported_by`);--> statement-breakpoint
CREATE TABLE `idea_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`idea_id` text NOT NULL,
	`version` integer NOT NULL,
	`fields` text NOT NULL,
	`kind` text NOT NULL,
	`saved_by` text,
	`saved_at` integer NOT NULL,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`saved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `idea_versions_idea_version_idx` ON `idea_versions` (`idea_id`,`version`);--> statement-breakpoint
CREATE INDEX `idea_versions_by_idx` ON `idea_versions` (`saved_by`);--> statement-breakpoint
CREATE TABLE `ideas` (
	`id` text PRIMARY KEY NOT NULL,
	`study_id` text NOT NULL,
	`code` text NOT NULL,
	`topic_id` text NOT NULL,
	`condition_id` text NOT NULL,
	`author_id` text,
	`provenance` text NOT NULL,
	`import_id` text,
	`job_id` text,
	`external_id` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`fields` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`attested_at` integer,
	`submitted_at` integer,
	`normalized_fields` text,
	`normalization_state` text DEFAULT 'none' NOT NULL,
	`normalization_error` text,
	`normalization_review` text DEFAULT 'unreviewed' NOT NULL,
	`review_text_source` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`study_id`) REFERENCES `studies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`condition_id`) REFERENCES `conditions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`import_id`) REFERENCES `idea_imports`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ideas_study_code_idx` ON `ideas` (`study_id`,`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `ideas_study_external_idx` ON `ideas` (`study_id`,`external_id`);--> statement-breakpoint
CREATE INDEX `ideas_study_status_idx` ON `ideas` (`study_id`,`status`);--> statement-breakpoint
CREATE INDEX `ideas_topic_idx` ON `ideas` (`topic_id`);--> statement-breakpoint
CREATE INDEX `ideas_condition_idx` ON `ideas` (`condition_id`);--> statement-breakpoint
CREATE INDEX `ideas_author_idx` ON `ideas` (`author_id`);--> statement-breakpoint
CREATE INDEX `ideas_import_idx` ON `ideas` (`import_id`);--> statement-breakpoint
CREATE TABLE `conditions` (
	`id` text PRIMARY KEY NOT NULL,
	`study_id` text NOT NULL,
	`key` text NOT NULL,
	`label` text NOT NULL,
	`is_baseline` integer DEFAULT false NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`study_id`) REFERENCES `studies`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `conditions_study_key_idx` ON `conditions` (`study_id`,`key`);--> statement-breakpoint
CREATE TABLE `consents` (
	`id` text PRIMARY KEY NOT NULL,
	`study_id` text NOT NULL,
	`user_id` text NOT NULL,
	`consent_text` text NOT NULL,
	`accepted_at` integer NOT NULL,
	FOREIGN KEY (`study_id`) REFERENCES `studies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consents_study_user_idx` ON `consents` (`study_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `consents_user_idx` ON `consents` (`user_id`);--> statement-breakpoint
CREATE TABLE `study_events` (
	`id` text PRIMARY KEY NOT NULL,
	`study_id` text NOT NULL,
	`actor_id` text,
	`kind` text NOT NULL,
	`detail` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`study_id`) REFERENCES `studies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `study_events_study_idx` ON `study_events` (`study_id`);--> statement-breakpoint
CREATE INDEX `study_events_actor_idx` ON `study_events` (`actor_id`);--> statement-breakpoint
CREATE TABLE `topics` (
	`id` text PRIMARY KEY NOT NULL,
	`study_id` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`study_id`) REFERENCES `studies`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `topics_study_name_idx` ON `topics` (`study_id`,`name`);--> statement-breakpoint
ALTER TABLE `studies` ADD `instructions` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `studies` ADD `consent_text` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `studies` ADD `attestation_text` text;--> statement-breakpoint
ALTER TABLE `studies` ADD `idea_template` text;--> statement-breakpoint
ALTER TABLE `studies` ADD `phase_dates` text DEFAULT '{}' NOT NULL;
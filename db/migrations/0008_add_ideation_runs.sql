CREATE TABLE `generated_ideas` (
	`idea_id` text PRIMARY KEY NOT NULL,
	`run_id` text NOT NULL,
	`agent_index` integer NOT NULL,
	`agent` text NOT NULL,
	`topic_id` text NOT NULL,
	`candidate` text NOT NULL,
	`model` text NOT NULL,
	`params` text NOT NULL,
	`novelty_status` text,
	`provenance` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`run_id`) REFERENCES `ideation_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `generated_ideas_candidate_idx` ON `generated_ideas` (`run_id`,`agent_index`,`topic_id`,`candidate`);--> statement-breakpoint
CREATE TABLE `ideation_calls` (
	`id` text PRIMARY KEY NOT NULL,
	`run_id` text NOT NULL,
	`llm_call_id` text,
	`agent_index` integer NOT NULL,
	`topic_id` text NOT NULL,
	`stage` text NOT NULL,
	`candidate` text,
	`system` text,
	`prompt` text NOT NULL,
	`output` text,
	`error` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `ideation_runs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`llm_call_id`) REFERENCES `llm_calls`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `ideation_calls_run_idx` ON `ideation_calls` (`run_id`,`agent_index`,`topic_id`);--> statement-breakpoint
CREATE INDEX `ideation_calls_llm_idx` ON `ideation_calls` (`llm_call_id`);--> statement-breakpoint
CREATE TABLE `ideation_checkpoints` (
	`run_id` text NOT NULL,
	`agent_index` integer NOT NULL,
	`topic_id` text NOT NULL,
	`key` text NOT NULL,
	`value` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`run_id`, `agent_index`, `topic_id`, `key`),
	FOREIGN KEY (`run_id`) REFERENCES `ideation_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `ideation_metrics` (
	`id` text PRIMARY KEY NOT NULL,
	`run_id` text NOT NULL,
	`agent_index` integer NOT NULL,
	`topic_id` text NOT NULL,
	`name` text NOT NULL,
	`point` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `ideation_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ideation_metrics_run_idx` ON `ideation_metrics` (`run_id`,`name`);--> statement-breakpoint
CREATE TABLE `ideation_progress` (
	`run_id` text NOT NULL,
	`agent_index` integer NOT NULL,
	`topic_id` text NOT NULL,
	`stage` text NOT NULL,
	`done` integer NOT NULL,
	`total` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`run_id`, `agent_index`, `topic_id`, `stage`),
	FOREIGN KEY (`run_id`) REFERENCES `ideation_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `ideation_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`study_id` text NOT NULL,
	`created_by` text,
	`agents` text NOT NULL,
	`topics` text NOT NULL,
	`topic_mode` text NOT NULL,
	`model` text NOT NULL,
	`budget_usd` real NOT NULL,
	`seed` integer DEFAULT 1 NOT NULL,
	`keep` text DEFAULT 'best' NOT NULL,
	`job_id` text,
	`job_ids` text DEFAULT '[]' NOT NULL,
	`budget_stopped_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`study_id`) REFERENCES `studies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `ideation_runs_study_idx` ON `ideation_runs` (`study_id`);--> statement-breakpoint
CREATE INDEX `ideation_runs_created_by_idx` ON `ideation_runs` (`created_by`);
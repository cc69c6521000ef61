CREATE TABLE `chains` (
	`id` text PRIMARY KEY NOT NULL,
	`study_id` text NOT NULL,
	`topic_id` text,
	`topic` text NOT NULL,
	`options` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`progress` text,
	`result` text,
	`reading_model` text,
	`error` text,
	`job_id` text,
	`created_by` text,
	`created_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`study_id`) REFERENCES `studies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`job_id`) REFERENCES `jobs`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `chains_study_idx` ON `chains` (`study_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `chains_job_idx` ON `chains` (`job_id`);--> statement-breakpoint
CREATE TABLE `paper_readings` (
	`paper_id` text NOT NULL,
	`model` text NOT NULL,
	`source` text NOT NULL,
	`reading` text NOT NULL,
	`llm_call_id` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`paper_id`, `model`, `source`),
	FOREIGN KEY (`paper_id`) REFERENCES `papers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `paper_texts` (
	`paper_id` text PRIMARY KEY NOT NULL,
	`text` text NOT NULL,
	`pages` integer NOT NULL,
	`file_name` text NOT NULL,
	`bytes` integer NOT NULL,
	`uploaded_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`paper_id`) REFERENCES `papers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);

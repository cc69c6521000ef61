CREATE TABLE `http_cache` (
	`key` text PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`url` text NOT NULL,
	`status` integer NOT NULL,
	`body` text NOT NULL,
	`fetched_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `http_cache_source_idx` ON `http_cache` (`source`);--> statement-breakpoint
CREATE TABLE `literature_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `paper_edges` (
	`citing_id` text NOT NULL,
	`cited_id` text NOT NULL,
	`source` text NOT NULL,
	PRIMARY KEY(`citing_id`, `cited_id`),
	FOREIGN KEY (`citing_id`) REFERENCES `papers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`cited_id`) REFERENCES `papers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `paper_edges_cited_idx` ON `paper_edges` (`cited_id`);--> statement-breakpoint
CREATE TABLE `paper_embeddings` (
	`paper_id` text NOT NULL,
	`model` text NOT NULL,
	`dimensions` integer NOT NULL,
	`vector` blob NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`paper_id`, `model`),
	FOREIGN KEY (`paper_id`) REFERENCES `papers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `paper_embeddings_model_idx` ON `paper_embeddings` (`model`,`created_at`);--> statement-breakpoint
CREATE TABLE `paper_unresolved_refs` (
	`paper_id` text NOT NULL,
	`title` text NOT NULL,
	`year` integer,
	`source` text NOT NULL,
	PRIMARY KEY(`paper_id`, `title`),
	FOREIGN KEY (`paper_id`) REFERENCES `papers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `papers` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`study_id` text,
	`doi` text,
	`arxiv_id` text,
	`s2_id` text,
	`openalex_id` text,
	`acl_id` text,
	`import_id` text,
	`title` text NOT NULL,
	`title_key` text NOT NULL,
	`abstract` text DEFAULT '' NOT NULL,
	`year` integer,
	`date` text,
	`effective_date` text,
	`venue` text,
	`authors` text DEFAULT '[]' NOT NULL,
	`citation_count` integer,
	`url` text,
	`pdf_url` text,
	`source` text NOT NULL,
	`fetched_at` integer NOT NULL,
	FOREIGN KEY (`study_id`) REFERENCES `studies`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `papers_id_unique` ON `papers` (`id`);--> statement-breakpoint
CREATE INDEX `papers_study_idx` ON `papers` (`study_id`);--> statement-breakpoint
CREATE INDEX `papers_doi_idx` ON `papers` (`doi`);--> statement-breakpoint
CREATE INDEX `papers_arxiv_idx` ON `papers` (`arxiv_id`);--> statement-breakpoint
CREATE INDEX `papers_s2_idx` ON `papers` (`s2_id`);--> statement-breakpoint
CREATE INDEX `papers_openalex_idx` ON `papers` (`openalex_id`);--> statement-breakpoint
CREATE INDEX `papers_acl_idx` ON `papers` (`acl_id`);--> statement-breakpoint
CREATE INDEX `papers_import_idx` ON `papers` (`import_id`);--> statement-breakpoint
CREATE INDEX `papers_title_year_idx` ON `papers` (`title_key`,`year`);--> statement-breakpoint
CREATE INDEX `papers_effective_date_idx` ON `papers` (`effective_date`);--> statement-breakpoint
ALTER TABLE `studies` ADD `literature_cutoff` text;
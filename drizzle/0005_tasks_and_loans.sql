CREATE TABLE `agreement_acceptances` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`method` text NOT NULL,
	`recorded_by_id` text,
	`accepted_at` integer NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `borrower_agreements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agreement_acceptances_user` ON `agreement_acceptances` (`agreement_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `borrower_agreements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`neighbourhood_id` integer NOT NULL,
	`version` integer NOT NULL,
	`body` text NOT NULL,
	`published_at` integer NOT NULL,
	`published_by_id` text,
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhoods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `borrower_agreements_version` ON `borrower_agreements` (`neighbourhood_id`,`version`);--> statement-breakpoint
CREATE TABLE `damage_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tool_id` integer NOT NULL,
	`loan_id` integer,
	`description` text NOT NULL,
	`photo_id` integer,
	`reported_by_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tool_id`) REFERENCES `tools`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`loan_id`) REFERENCES `loans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`photo_id`) REFERENCES `tool_photos`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`reported_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `damage_reports_tool` ON `damage_reports` (`tool_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `lending_desk_staff` (
	`neighbourhood_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`neighbourhood_id`, `user_id`),
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhoods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `loans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tool_id` integer NOT NULL,
	`borrower_id` text NOT NULL,
	`booked_by_id` text,
	`match_id` integer,
	`agreement_acceptance_id` integer,
	`status` text DEFAULT 'reserved' NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`created_at` integer NOT NULL,
	`checked_out_at` integer,
	`checked_out_by_id` text,
	`condition_out` text,
	`parts_out` text,
	`deposit` text DEFAULT 'none' NOT NULL,
	`deposit_waiver_reason` text,
	`checked_in_at` integer,
	`checked_in_by_id` text,
	`condition_in` text,
	`parts_back` text,
	`extended_times` integer DEFAULT 0 NOT NULL,
	`cancelled_at` integer,
	`cancel_reason` text,
	`pickup_reminder_at` integer,
	`return_reminder_at` integer,
	`overdue_notice_at` integer,
	`overdue_task_at` integer,
	FOREIGN KEY (`tool_id`) REFERENCES `tools`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`borrower_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`booked_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`match_id`) REFERENCES `matches`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`agreement_acceptance_id`) REFERENCES `agreement_acceptances`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`checked_out_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`checked_in_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `loans_tool_dates` ON `loans` (`tool_id`,`status`,`start_date`,`end_date`);--> statement-breakpoint
CREATE INDEX `loans_borrower` ON `loans` (`borrower_id`,`status`);--> statement-breakpoint
CREATE INDEX `loans_status_dates` ON `loans` (`status`,`start_date`,`end_date`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`neighbourhood_id` integer,
	`kind` text NOT NULL,
	`subject_user_id` text,
	`dedupe_key` text,
	`details` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	`due_at` integer NOT NULL,
	`done_at` integer,
	`done_by_id` text,
	`outcome` text,
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhoods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subject_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`done_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tasks_dedupe_key_unique` ON `tasks` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `tasks_open` ON `tasks` (`neighbourhood_id`,`done_at`,`due_at`);--> statement-breakpoint
CREATE INDEX `tasks_subject` ON `tasks` (`subject_user_id`);--> statement-breakpoint
CREATE TABLE `tool_photos` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tool_id` integer NOT NULL,
	`file_key` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`alt_text` text DEFAULT '' NOT NULL,
	`is_damage` integer DEFAULT false NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tool_id`) REFERENCES `tools`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tool_photos_file_key_unique` ON `tool_photos` (`file_key`);--> statement-breakpoint
CREATE INDEX `tool_photos_tool` ON `tool_photos` (`tool_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `tool_repairs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tool_id` integer NOT NULL,
	`note` text NOT NULL,
	`expected_date` text,
	`started_at` integer NOT NULL,
	`started_by_id` text,
	`ended_at` integer,
	FOREIGN KEY (`tool_id`) REFERENCES `tools`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`started_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `tool_repairs_tool` ON `tool_repairs` (`tool_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `tool_waitlist` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tool_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`notified_at` integer,
	FOREIGN KEY (`tool_id`) REFERENCES `tools`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tool_waitlist_user` ON `tool_waitlist` (`tool_id`,`user_id`);--> statement-breakpoint
ALTER TABLE `neighbourhoods` ADD `lending_max_active` integer DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE `neighbourhoods` ADD `lending_buffer_days` integer DEFAULT 1 NOT NULL;
CREATE TABLE `partner_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`service_id` integer NOT NULL,
	`granted_by_id` text,
	`granted_at` integer NOT NULL,
	`revoked_by_id` text,
	`revoked_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`granted_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`revoked_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `partner_links_user` ON `partner_links` (`user_id`);--> statement-breakpoint
CREATE INDEX `partner_links_service` ON `partner_links` (`service_id`);--> statement-breakpoint
CREATE TABLE `partner_referrals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`neighbourhood_id` integer NOT NULL,
	`service_id` integer NOT NULL,
	`partner_id` text,
	`name` text NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`need` text NOT NULL,
	`language` text DEFAULT 'nl' NOT NULL,
	`contact_way` text NOT NULL,
	`consent_at` integer NOT NULL,
	`status` text DEFAULT 'new' NOT NULL,
	`status_at` integer NOT NULL,
	`resident_id` text,
	`post_id` integer,
	`handled_by_id` text,
	`submission_key` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhoods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`resident_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`handled_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `partner_referrals_neighbourhood` ON `partner_referrals` (`neighbourhood_id`,`status`);--> statement-breakpoint
CREATE INDEX `partner_referrals_partner` ON `partner_referrals` (`partner_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `partner_referrals_post` ON `partner_referrals` (`post_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `partner_referrals_submission` ON `partner_referrals` (`partner_id`,`submission_key`);--> statement-breakpoint
CREATE TABLE `referral_checks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`referral_id` integer NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`due_at` integer NOT NULL,
	`asked_at` integer,
	`answer` text,
	`note` text DEFAULT '' NOT NULL,
	`action` text DEFAULT '' NOT NULL,
	`answered_at` integer,
	`recorded_by_id` text,
	`token_hash` text,
	FOREIGN KEY (`referral_id`) REFERENCES `referrals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `referral_checks_referral_id_unique` ON `referral_checks` (`referral_id`);--> statement-breakpoint
CREATE INDEX `referral_checks_due` ON `referral_checks` (`status`,`due_at`);--> statement-breakpoint
CREATE TABLE `signal_replies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`signal_id` integer NOT NULL,
	`author_id` text,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`signal_id`) REFERENCES `signals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `signal_replies_signal` ON `signal_replies` (`signal_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `steering_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`neighbourhood_id` integer NOT NULL,
	`granted_by_id` text,
	`granted_at` integer NOT NULL,
	`revoked_by_id` text,
	`revoked_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhoods`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`granted_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`revoked_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `steering_links_user` ON `steering_links` (`user_id`);--> statement-breakpoint
CREATE INDEX `steering_links_neighbourhood` ON `steering_links` (`neighbourhood_id`);--> statement-breakpoint
ALTER TABLE `neighbourhoods` ADD `urgent_numbers` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `neighbourhoods` ADD `referral_check_days` integer DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE `services` ADD `source_id` text;--> statement-breakpoint
ALTER TABLE `services` ADD `updated_at` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `services_source` ON `services` (`neighbourhood_id`,`source_id`);--> statement-breakpoint
ALTER TABLE `signals` ADD `consent` text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE `signals` ADD `urgent` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `signals` ADD `subject_user_id` text REFERENCES users(id) ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE `signals` ADD `recorded_by_id` text REFERENCES users(id) ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE `signals` ADD `theme` text;--> statement-breakpoint
ALTER TABLE `signals` ADD `bundle_summary` text;--> statement-breakpoint
ALTER TABLE `signals` ADD `bundle_action` text;--> statement-breakpoint
ALTER TABLE `signals` ADD `bundle_ready_at` integer;--> statement-breakpoint
ALTER TABLE `signals` ADD `bundle_edited_by_id` text REFERENCES users(id) ON DELETE SET NULL;--> statement-breakpoint
CREATE INDEX `signals_subject` ON `signals` (`subject_user_id`);--> statement-breakpoint
CREATE INDEX `signals_bundle` ON `signals` (`neighbourhood_id`,`bundle_ready_at`);--> statement-breakpoint
ALTER TABLE `users` ADD `birth_year` integer;
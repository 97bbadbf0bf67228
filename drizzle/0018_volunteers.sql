CREATE TABLE `expense_claims` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`neighbourhood_id` integer NOT NULL,
	`match_id` integer NOT NULL,
	`helper_id` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`reason` text NOT NULL,
	`status` text DEFAULT 'claimed' NOT NULL,
	`created_at` integer NOT NULL,
	`decided_at` integer,
	`decided_by_id` text,
	`decision_reason` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhoods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`match_id`) REFERENCES `matches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`helper_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `expense_claims_open` ON `expense_claims` (`neighbourhood_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `expense_claims_helper` ON `expense_claims` (`helper_id`);--> statement-breakpoint
CREATE TABLE `gathering_signups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`gathering_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`status` text NOT NULL,
	`signed_up_by_id` text,
	`created_at` integer NOT NULL,
	`cancelled_at` integer,
	`reminded_at` integer,
	`attended` integer,
	FOREIGN KEY (`gathering_id`) REFERENCES `gatherings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`signed_up_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gathering_signups_person` ON `gathering_signups` (`gathering_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `gathering_signups_user` ON `gathering_signups` (`user_id`);--> statement-breakpoint
CREATE TABLE `gatherings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`neighbourhood_id` integer NOT NULL,
	`kind` text NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`place` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`capacity` integer,
	`audience` text NOT NULL,
	`refresher_months` integer,
	`created_by_id` text,
	`created_at` integer NOT NULL,
	`cancelled_at` integer,
	`attendance_recorded_at` integer,
	`attendance_recorded_by_id` text,
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhoods`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`attendance_recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `gatherings_neighbourhood` ON `gatherings` (`neighbourhood_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `help_asks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`neighbourhood_id` integer NOT NULL,
	`helper_id` text NOT NULL,
	`match_id` integer,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	`handled_at` integer,
	`handled_by_id` text,
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhoods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`helper_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`match_id`) REFERENCES `matches`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`handled_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `help_asks_open` ON `help_asks` (`neighbourhood_id`,`handled_at`);--> statement-breakpoint
CREATE INDEX `help_asks_helper` ON `help_asks` (`helper_id`);--> statement-breakpoint
CREATE TABLE `volunteer_acceptances` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`method` text NOT NULL,
	`recorded_by_id` text,
	`accepted_at` integer NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `volunteer_agreements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `volunteer_acceptances_user` ON `volunteer_acceptances` (`agreement_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `volunteer_acceptances_by_user` ON `volunteer_acceptances` (`user_id`);--> statement-breakpoint
CREATE TABLE `volunteer_agreements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`neighbourhood_id` integer NOT NULL,
	`version` integer NOT NULL,
	`body` text NOT NULL,
	`published_at` integer NOT NULL,
	`published_by_id` text,
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhoods`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`published_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `volunteer_agreements_version` ON `volunteer_agreements` (`neighbourhood_id`,`version`);--> statement-breakpoint
CREATE TABLE `volunteer_goodbyes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`neighbourhood_id` integer NOT NULL,
	`reason` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`recorded_by_id` text,
	`stopped_at` integer NOT NULL,
	`resumed_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhoods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `volunteer_goodbyes_user` ON `volunteer_goodbyes` (`user_id`,`stopped_at`);--> statement-breakpoint
CREATE TABLE `volunteer_thanks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`neighbourhood_id` integer NOT NULL,
	`kind` text NOT NULL,
	`year` integer,
	`message` text DEFAULT '' NOT NULL,
	`sent_by_id` text,
	`sent_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhoods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sent_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `volunteer_thanks_yearly` ON `volunteer_thanks` (`user_id`,`kind`,`year`);--> statement-breakpoint
CREATE INDEX `volunteer_thanks_user` ON `volunteer_thanks` (`user_id`,`sent_at`);--> statement-breakpoint
ALTER TABLE `follow_ups` ADD `minutes` integer;--> statement-breakpoint
ALTER TABLE `neighbourhoods` ADD `volunteer_agreement_required` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `neighbourhoods` ADD `helper_match_limit` integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE `neighbourhoods` ADD `volunteer_contact_weeks` integer DEFAULT 8 NOT NULL;--> statement-breakpoint
ALTER TABLE `trust_badges` ADD `gathering_id` integer REFERENCES gatherings(id) ON DELETE set null;
CREATE TABLE `category_badge_rules` (
	`neighbourhood_id` integer NOT NULL,
	`category_id` integer NOT NULL,
	`badge_kind` text NOT NULL,
	PRIMARY KEY(`neighbourhood_id`, `category_id`, `badge_kind`),
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhoods`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `follow_up_links` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`follow_up_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`follow_up_id`) REFERENCES `follow_ups`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `follow_up_links_follow_up` ON `follow_up_links` (`follow_up_id`);--> statement-breakpoint
CREATE TABLE `follow_ups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`match_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`round` integer DEFAULT 1 NOT NULL,
	`due_at` integer NOT NULL,
	`sent_at` integer,
	`about_end` integer DEFAULT false NOT NULL,
	`reminded_at` integer,
	`escalated_at` integer,
	`answered_at` integer,
	`answered_by_id` text,
	`outcome` text,
	`continuation` text,
	`comment` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`match_id`) REFERENCES `matches`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`answered_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `follow_ups_match_user_round` ON `follow_ups` (`match_id`,`user_id`,`round`);--> statement-breakpoint
CREATE INDEX `follow_ups_due` ON `follow_ups` (`sent_at`,`due_at`);--> statement-breakpoint
CREATE INDEX `follow_ups_user` ON `follow_ups` (`user_id`);--> statement-breakpoint
ALTER TABLE `neighbourhoods` ADD `certificate_validity_years` integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE `trust_badges` ADD `checked_at` integer;--> statement-breakpoint
ALTER TABLE `trust_badges` ADD `issued_at` integer;--> statement-breakpoint
ALTER TABLE `trust_badges` ADD `note` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `trust_badges` ADD `revoke_reason` text;--> statement-breakpoint
ALTER TABLE `trust_badges` ADD `expiry_handled_at` integer;--> statement-breakpoint
CREATE INDEX `trust_badges_expiry` ON `trust_badges` (`expires_at`);
CREATE TABLE `blocks` (
	`blocker_id` text NOT NULL,
	`blocked_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`blocker_id`, `blocked_id`),
	FOREIGN KEY (`blocker_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`blocked_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `blocks_blocked` ON `blocks` (`blocked_id`);--> statement-breakpoint
CREATE TABLE `conversation_states` (
	`response_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`last_read_at` integer DEFAULT 0 NOT NULL,
	`last_notice_at` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`response_id`, `user_id`),
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `match_shares` (
	`match_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`phone` integer DEFAULT false NOT NULL,
	`address` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`match_id`, `user_id`),
	FOREIGN KEY (`match_id`) REFERENCES `matches`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `matches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`post_id` integer NOT NULL,
	`response_id` integer NOT NULL,
	`helper_id` text NOT NULL,
	`requester_id` text NOT NULL,
	`made_by_id` text,
	`status` text DEFAULT 'active' NOT NULL,
	`agreed_at` integer NOT NULL,
	`ended_at` integer,
	`ended_by_id` text,
	`end_reason` text,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`helper_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requester_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`made_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`ended_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `matches_response_id_unique` ON `matches` (`response_id`);--> statement-breakpoint
CREATE INDEX `matches_post_status` ON `matches` (`post_id`,`status`);--> statement-breakpoint
CREATE INDEX `matches_helper` ON `matches` (`helper_id`,`status`);--> statement-breakpoint
CREATE INDEX `matches_requester` ON `matches` (`requester_id`,`status`);--> statement-breakpoint
CREATE TABLE `messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`response_id` integer NOT NULL,
	`sender_id` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sender_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `messages_response` ON `messages` (`response_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `posts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`author_id` text NOT NULL,
	`placed_by_id` text,
	`neighbourhood_id` integer NOT NULL,
	`category_id` integer NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`when_type` text DEFAULT 'flexible' NOT NULL,
	`when_date` text,
	`when_from` text,
	`when_to` text,
	`recurring_day` integer,
	`recurring_part` text,
	`starts_at` integer,
	`duration_minutes` integer,
	`helpers_needed` integer DEFAULT 1 NOT NULL,
	`standing` integer DEFAULT false NOT NULL,
	`place_type` text DEFAULT 'home' NOT NULL,
	`place_label` text,
	`exact_lat` real NOT NULL,
	`exact_lon` real NOT NULL,
	`approx_cell` text NOT NULL,
	`approx_lat` real NOT NULL,
	`approx_lon` real NOT NULL,
	`submission_key` text,
	`rejection_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`published_at` integer,
	`expires_at` integer,
	`expiry_warned_at` integer,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`placed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhoods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `posts_submission` ON `posts` (`author_id`,`submission_key`);--> statement-breakpoint
CREATE INDEX `posts_open_geo` ON `posts` (`status`,`approx_lat`,`approx_lon`);--> statement-breakpoint
CREATE INDEX `posts_neighbourhood_status` ON `posts` (`neighbourhood_id`,`status`,`published_at`);--> statement-breakpoint
CREATE INDEX `posts_category_status` ON `posts` (`category_id`,`status`);--> statement-breakpoint
CREATE INDEX `posts_author` ON `posts` (`author_id`,`status`);--> statement-breakpoint
CREATE INDEX `posts_expiry` ON `posts` (`status`,`expires_at`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reporter_id` text,
	`post_id` integer,
	`person_id` text,
	`neighbourhood_id` integer,
	`reason` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer NOT NULL,
	`resolved_by_id` text,
	`resolved_at` integer,
	`resolution` text,
	FOREIGN KEY (`reporter_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhoods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `reports_neighbourhood_status` ON `reports` (`neighbourhood_id`,`status`);--> statement-breakpoint
CREATE TABLE `responses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`post_id` integer NOT NULL,
	`responder_id` text NOT NULL,
	`message` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer NOT NULL,
	`decided_at` integer,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`responder_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `responses_post_responder` ON `responses` (`post_id`,`responder_id`);--> statement-breakpoint
CREATE INDEX `responses_responder` ON `responses` (`responder_id`);--> statement-breakpoint
CREATE TABLE `trust_badges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`label` text,
	`granted_by_id` text,
	`granted_at` integer NOT NULL,
	`expires_at` integer,
	`revoked_at` integer,
	`revoked_by_id` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`granted_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`revoked_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `trust_badges_user` ON `trust_badges` (`user_id`,`kind`);--> statement-breakpoint
ALTER TABLE `neighbourhoods` ADD `request_expiry_days` integer DEFAULT 30 NOT NULL;
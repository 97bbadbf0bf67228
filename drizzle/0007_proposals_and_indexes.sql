CREATE TABLE `match_proposals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`post_id` integer NOT NULL,
	`helper_id` text NOT NULL,
	`broker_id` text,
	`note` text DEFAULT '' NOT NULL,
	`badge_waived` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'proposed' NOT NULL,
	`created_at` integer NOT NULL,
	`decided_at` integer,
	`match_id` integer,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`helper_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`broker_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`match_id`) REFERENCES `matches`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `match_proposals_post` ON `match_proposals` (`post_id`,`status`);--> statement-breakpoint
CREATE INDEX `match_proposals_helper` ON `match_proposals` (`helper_id`,`status`);--> statement-breakpoint
CREATE INDEX `match_proposals_open` ON `match_proposals` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `posts_neighbourhood_created` ON `posts` (`neighbourhood_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `users_approx_cell` ON `users` (`approx_cell`);
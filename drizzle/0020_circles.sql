CREATE TABLE `check_in_calls` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`due_at` integer NOT NULL,
	`outcome` text,
	`note` text DEFAULT '' NOT NULL,
	`signal_id` integer,
	`retry_at` integer,
	`retry_reminded_at` integer,
	`recorded_by_id` text,
	`recorded_at` integer,
	`escalated_at` integer,
	`escalation` text,
	FOREIGN KEY (`plan_id`) REFERENCES `check_in_plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`signal_id`) REFERENCES `signals`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `check_in_calls_once` ON `check_in_calls` (`plan_id`,`due_at`);--> statement-breakpoint
CREATE INDEX `check_in_calls_due` ON `check_in_calls` (`due_at`);--> statement-breakpoint
CREATE TABLE `check_in_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`neighbourhood_id` integer NOT NULL,
	`person_id` text NOT NULL,
	`caller_id` text,
	`contact_id` text,
	`circle_id` integer,
	`weekdays` text NOT NULL,
	`time` text NOT NULL,
	`retry_minutes` integer DEFAULT 30 NOT NULL,
	`grace_minutes` integer DEFAULT 90 NOT NULL,
	`set_up_by_id` text,
	`submission_key` text,
	`created_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhoods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`caller_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`contact_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`circle_id`) REFERENCES `circles`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`set_up_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `check_in_plans_submission` ON `check_in_plans` (`set_up_by_id`,`submission_key`);--> statement-breakpoint
CREATE INDEX `check_in_plans_person` ON `check_in_plans` (`person_id`);--> statement-breakpoint
CREATE INDEX `check_in_plans_caller` ON `check_in_plans` (`caller_id`);--> statement-breakpoint
CREATE INDEX `check_in_plans_neighbourhood` ON `check_in_plans` (`neighbourhood_id`);--> statement-breakpoint
CREATE TABLE `circle_invitations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`circle_id` integer NOT NULL,
	`invited_by_id` text,
	`way` text NOT NULL,
	`name` text NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`code_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`accepted_by_id` text,
	`accepted_at` integer,
	`withdrawn_at` integer,
	FOREIGN KEY (`circle_id`) REFERENCES `circles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invited_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`accepted_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `circle_invitations_code_hash_unique` ON `circle_invitations` (`code_hash`);--> statement-breakpoint
CREATE INDEX `circle_invitations_circle` ON `circle_invitations` (`circle_id`);--> statement-breakpoint
CREATE TABLE `circle_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`circle_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`joined_at` integer NOT NULL,
	`left_at` integer,
	FOREIGN KEY (`circle_id`) REFERENCES `circles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `circle_members_once` ON `circle_members` (`circle_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `circle_members_user` ON `circle_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `circle_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`circle_id` integer NOT NULL,
	`author_id` text,
	`body` text NOT NULL,
	`submission_key` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`circle_id`) REFERENCES `circles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `circle_messages_circle` ON `circle_messages` (`circle_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `circle_messages_submission` ON `circle_messages` (`author_id`,`submission_key`);--> statement-breakpoint
CREATE TABLE `circle_plan_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`circle_id` integer NOT NULL,
	`title` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`category_id` integer,
	`repeat` text NOT NULL,
	`date` text NOT NULL,
	`time` text NOT NULL,
	`duration_minutes` integer DEFAULT 60 NOT NULL,
	`created_by_id` text,
	`submission_key` text,
	`created_at` integer NOT NULL,
	`removed_at` integer,
	FOREIGN KEY (`circle_id`) REFERENCES `circles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `circle_plan_items_circle` ON `circle_plan_items` (`circle_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `circle_plan_items_submission` ON `circle_plan_items` (`created_by_id`,`submission_key`);--> statement-breakpoint
CREATE TABLE `circle_slots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`circle_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`starts_at` integer NOT NULL,
	`taken_by_id` text,
	`taken_at` integer,
	`swap_asked_at` integer,
	`reminded_at` integer,
	`offered_at` integer,
	`offered_to` text,
	`post_id` integer,
	`helper_id` text,
	`cancelled_at` integer,
	FOREIGN KEY (`circle_id`) REFERENCES `circles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `circle_plan_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`taken_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`helper_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `circle_slots_once` ON `circle_slots` (`item_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `circle_slots_circle` ON `circle_slots` (`circle_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `circle_slots_post` ON `circle_slots` (`post_id`);--> statement-breakpoint
CREATE TABLE `circles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`neighbourhood_id` integer NOT NULL,
	`centre_id` text NOT NULL,
	`coordinator_id` text,
	`started_by_id` text,
	`open_slots` text DEFAULT 'keep' NOT NULL,
	`offer_hours_before` integer DEFAULT 48 NOT NULL,
	`broker_may_read` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhoods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`centre_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`coordinator_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`started_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `circles_centre` ON `circles` (`centre_id`);--> statement-breakpoint
CREATE INDEX `circles_neighbourhood` ON `circles` (`neighbourhood_id`);
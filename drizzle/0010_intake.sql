CREATE TABLE `referrals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`post_id` integer NOT NULL,
	`service_id` integer NOT NULL,
	`broker_id` text,
	`note` text DEFAULT '' NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`broker_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `referrals_service` ON `referrals` (`service_id`,`at`);--> statement-breakpoint
CREATE INDEX `referrals_post` ON `referrals` (`post_id`);--> statement-breakpoint
CREATE TABLE `resident_consents` (
	`user_id` text PRIMARY KEY NOT NULL,
	`recorded_by_id` text,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `resident_proxies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`resident_id` text NOT NULL,
	`proxy_user_id` text NOT NULL,
	`consent_recorded_by_id` text,
	`consent_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`resident_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`proxy_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`consent_recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `resident_proxies_proxy` ON `resident_proxies` (`proxy_user_id`);--> statement-breakpoint
CREATE INDEX `resident_proxies_resident` ON `resident_proxies` (`resident_id`);--> statement-breakpoint
CREATE TABLE `services` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`neighbourhood_id` integer NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`kind` text DEFAULT 'other' NOT NULL,
	`categories` text DEFAULT '[]' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`website` text DEFAULT '' NOT NULL,
	`opening_hours` text DEFAULT '[]' NOT NULL,
	`created_at` integer NOT NULL,
	`removed_at` integer,
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhoods`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `services_neighbourhood` ON `services` (`neighbourhood_id`);--> statement-breakpoint
CREATE TABLE `signals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`neighbourhood_id` integer NOT NULL,
	`filed_by_id` text NOT NULL,
	`kind` text NOT NULL,
	`about` text DEFAULT '' NOT NULL,
	`body` text NOT NULL,
	`status` text DEFAULT 'received' NOT NULL,
	`picked_up_by_id` text,
	`picked_up_at` integer,
	`action_note` text,
	`closed_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhoods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`filed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`picked_up_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `signals_neighbourhood` ON `signals` (`neighbourhood_id`,`status`);--> statement-breakpoint
CREATE INDEX `signals_filed_by` ON `signals` (`filed_by_id`);--> statement-breakpoint
ALTER TABLE `users` ADD `contact_by` text;
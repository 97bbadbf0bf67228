ALTER TABLE `neighbourhoods` ADD `moderation` text DEFAULT 'without_badge' NOT NULL;--> statement-breakpoint
ALTER TABLE `neighbourhoods` ADD `no_response_days` integer DEFAULT 3 NOT NULL;
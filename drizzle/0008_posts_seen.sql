ALTER TABLE `users` ADD `posts_seen_at` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `posts_seen_before` integer;
ALTER TABLE `users` ADD `posts_seen_at` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `posts_seen_before` integer;--> statement-breakpoint
CREATE INDEX `posts_open_list` ON `posts` (`status`,`category_id`,`approx_lat`,`approx_lon`,`published_at`,`author_id`,`kind`);
DROP INDEX `posts_open_geo`;--> statement-breakpoint
CREATE INDEX `posts_open_geo` ON `posts` (`status`,`approx_lat`,`approx_lon`,`kind`);
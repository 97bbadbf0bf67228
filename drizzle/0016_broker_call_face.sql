ALTER TABLE `users` ADD `call_name` text;--> statement-breakpoint
ALTER TABLE `users` ADD `call_photo` text;
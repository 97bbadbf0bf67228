CREATE TABLE `funding_sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`funder` text NOT NULL,
	`grant_reference` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `pickup_places` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`neighbourhood_id` integer NOT NULL,
	`name` text NOT NULL,
	`address` text NOT NULL,
	`opening_hours` text DEFAULT '[]' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhoods`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `tool_categories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`names` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tool_categories_slug_unique` ON `tool_categories` (`slug`);--> statement-breakpoint
CREATE TABLE `tools` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`neighbourhood_id` integer NOT NULL,
	`asset_tag` text NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL,
	`instructions` text DEFAULT '' NOT NULL,
	`safety_notes` text DEFAULT '' NOT NULL,
	`category_id` integer NOT NULL,
	`condition` text DEFAULT 'good' NOT NULL,
	`replacement_value_cents` integer DEFAULT 0 NOT NULL,
	`accessories` text DEFAULT '[]' NOT NULL,
	`funding_source_id` integer,
	`pickup_place_id` integer NOT NULL,
	`loan_days_default` integer DEFAULT 3 NOT NULL,
	`loan_days_max` integer DEFAULT 7 NOT NULL,
	`deposit_cents` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'available' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhoods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_id`) REFERENCES `tool_categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`funding_source_id`) REFERENCES `funding_sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pickup_place_id`) REFERENCES `pickup_places`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tools_asset_tag_unique` ON `tools` (`asset_tag`);--> statement-breakpoint
CREATE INDEX `tools_neighbourhood_status` ON `tools` (`neighbourhood_id`,`status`);--> statement-breakpoint
CREATE INDEX `tools_category` ON `tools` (`category_id`);
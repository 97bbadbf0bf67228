-- Category icons become names of line drawings (CATEGORY_ICONS) instead of emoji, which show as
-- empty boxes where no emoji font is installed. An icon without a drawing shows a plain dot.
UPDATE `categories` SET `icon` = 'hammer' WHERE `slug` = 'small-jobs';--> statement-breakpoint
UPDATE `categories` SET `icon` = 'bin' WHERE `slug` = 'bins';--> statement-breakpoint
UPDATE `categories` SET `icon` = 'sprout' WHERE `slug` = 'garden';--> statement-breakpoint
UPDATE `categories` SET `icon` = 'car' WHERE `slug` = 'transport';--> statement-breakpoint
UPDATE `categories` SET `icon` = 'cup' WHERE `slug` = 'social-contact';--> statement-breakpoint
UPDATE `categories` SET `icon` = 'paw' WHERE `slug` = 'dog-walking';--> statement-breakpoint
UPDATE `categories` SET `icon` = 'document' WHERE `slug` = 'paperwork';--> statement-breakpoint
UPDATE `categories` SET `icon` = 'bag' WHERE `slug` = 'shopping';--> statement-breakpoint
UPDATE `categories` SET `icon` = 'phone' WHERE `slug` = 'computer-phone';--> statement-breakpoint
UPDATE `categories` SET `icon` = 'book' WHERE `slug` = 'homework';--> statement-breakpoint
UPDATE `categories` SET `icon` = 'speech' WHERE `slug` = 'language';

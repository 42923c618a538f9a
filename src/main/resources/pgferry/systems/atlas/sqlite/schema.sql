-- atlas (Node, drizzle-orm over better-sqlite3, ./data/atlas.db) as it kept its data before PostgreSQL.
-- The DDL is what drizzle-kit generates from the app's sqliteTable() definitions: back-quoted names,
-- `--> statement-breakpoint` between statements, text ids, JSON kept as text, booleans and timestamps
-- in integer columns:
--   integer({ mode: 'boolean' })       -> 0 / 1
--   integer({ mode: 'timestamp' })     -> epoch SECONDS     (users.created_at, users.last_login_at)
--   integer({ mode: 'timestamp_ms' })  -> epoch MILLISECONDS (bots.created_at, bots.updated_at)
--   text() + default CURRENT_TIMESTAMP -> '2024-05-06 07:08:09' (watchlists.created_at)
--   text() written by the app          -> 'YYYY-MM-DD' (equity_curves.date, bots.backtest_start/_end)
-- Admin settings and balances were not in this file: see admin-data.json beside it.
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`display_name` text,
	`role` text DEFAULT 'user' NOT NULL,
	`is_admin` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`last_login_at` integer,
	CONSTRAINT "users_role_check" CHECK("users"."role" IN ('user', 'pro', 'admin'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);
--> statement-breakpoint
CREATE TABLE `bots` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text,
	`name` text NOT NULL,
	`description` text,
	`payload` text,
	`visibility` text DEFAULT 'private' NOT NULL,
	`symbol` text,
	`cagr` real,
	`sharpe` real,
	`max_drawdown` real,
	`total_return` real,
	`backtest_start` text,
	`backtest_end` text,
	`is_featured` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "bots_visibility_check" CHECK("bots"."visibility" IN ('private', 'atlas', 'nexus')),
	CONSTRAINT "bots_max_drawdown_check" CHECK("bots"."max_drawdown" IS NULL OR ("bots"."max_drawdown" >= 0 AND "bots"."max_drawdown" <= 1))
);
--> statement-breakpoint
CREATE INDEX `idx_bots_owner` ON `bots` (`owner_id`);
--> statement-breakpoint
CREATE INDEX `idx_bots_visibility` ON `bots` (`visibility`);
--> statement-breakpoint
CREATE TABLE `equity_curves` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`bot_id` text NOT NULL,
	`date` text NOT NULL,
	`equity` real NOT NULL,
	FOREIGN KEY (`bot_id`) REFERENCES `bots`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "equity_curves_equity_check" CHECK("equity_curves"."equity" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `equity_curves_bot_date_unique` ON `equity_curves` (`bot_id`,`date`);
--> statement-breakpoint
CREATE TABLE `watchlists` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`symbols` text DEFAULT '[]' NOT NULL,
	`created_at` text DEFAULT CURRENT_TIMESTAMP NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `idx_watchlists_user` ON `watchlists` (`user_id`);

CREATE TABLE "privacy_statement_published" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"content_hash" text NOT NULL,
	"changed_on" date NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "privacy_statement_published_single_row" CHECK ("privacy_statement_published"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "privacy_statement_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"controller" jsonb NOT NULL,
	"contact_person" jsonb NOT NULL,
	"register_name" jsonb NOT NULL,
	"drawn_up_on" date NOT NULL,
	"texts" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "privacy_statement_settings_single_row" CHECK ("privacy_statement_settings"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "privacy_statement_settings" ADD CONSTRAINT "privacy_statement_settings_updated_by_staff_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff_user"("id") ON DELETE set null ON UPDATE no action;
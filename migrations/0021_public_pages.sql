CREATE TABLE "accessibility_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"message" text NOT NULL,
	"email" text,
	"name" text,
	"page" text,
	"language" text NOT NULL,
	"client_key" "bytea" NOT NULL,
	"handled_at" timestamp with time zone,
	"handled_by" uuid
);
--> statement-breakpoint
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
	"accessibility" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "privacy_statement_settings_single_row" CHECK ("privacy_statement_settings"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "accessibility_feedback" ADD CONSTRAINT "accessibility_feedback_handled_by_staff_user_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."staff_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_statement_settings" ADD CONSTRAINT "privacy_statement_settings_updated_by_staff_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accessibility_feedback_received_idx" ON "accessibility_feedback" USING btree ("received_at","id");--> statement-breakpoint
CREATE INDEX "accessibility_feedback_client_idx" ON "accessibility_feedback" USING btree ("client_key","received_at");
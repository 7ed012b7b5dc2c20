CREATE TABLE "import_profile" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"target" text NOT NULL,
	"body" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "import_profile_name_unique" UNIQUE("name"),
	CONSTRAINT "import_profile_target_check" CHECK ("import_profile"."target" in ('person', 'organization'))
);
--> statement-breakpoint
CREATE TABLE "import_row" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "import_row_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"run_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"outcome" text NOT NULL,
	"person_id" uuid,
	"organization_id" uuid,
	"errors" jsonb NOT NULL,
	"duplicate_of_row" integer,
	"duplicate_of_person" uuid,
	"duplicate_of_organization" uuid,
	"identity_index" "bytea",
	"business_id_index" "bytea",
	"email_index" "bytea",
	CONSTRAINT "import_row_outcome_check" CHECK ("import_row"."outcome" in ('created', 'wouldCreate', 'invalid', 'duplicate', 'alreadyImported'))
);
--> statement-breakpoint
CREATE TABLE "import_run" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer GENERATED ALWAYS AS IDENTITY (sequence name "import_run_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"profile_id" uuid,
	"profile_name" text NOT NULL,
	"profile" jsonb NOT NULL,
	"target" text NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"file_bytes" bigint NOT NULL,
	"dry_run" boolean NOT NULL,
	"status" text NOT NULL,
	"started_by" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"rows_done" integer DEFAULT 0 NOT NULL,
	"bytes_done" bigint DEFAULT 0 NOT NULL,
	"batches" integer DEFAULT 0 NOT NULL,
	"error" text,
	CONSTRAINT "import_run_number_unique" UNIQUE("number"),
	CONSTRAINT "import_run_status_check" CHECK ("import_run"."status" in ('running', 'finished', 'failed')),
	CONSTRAINT "import_run_target_check" CHECK ("import_run"."target" in ('person', 'organization'))
);
--> statement-breakpoint
ALTER TABLE "value_source" DROP CONSTRAINT "value_source_kind_check";--> statement-breakpoint
ALTER TABLE "import_profile" ADD CONSTRAINT "import_profile_updated_by_staff_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_row" ADD CONSTRAINT "import_row_run_id_import_run_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."import_run"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_row" ADD CONSTRAINT "import_row_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_row" ADD CONSTRAINT "import_row_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_row" ADD CONSTRAINT "import_row_duplicate_of_person_person_id_fk" FOREIGN KEY ("duplicate_of_person") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_row" ADD CONSTRAINT "import_row_duplicate_of_organization_organization_id_fk" FOREIGN KEY ("duplicate_of_organization") REFERENCES "public"."organization"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_run" ADD CONSTRAINT "import_run_profile_id_import_profile_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."import_profile"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_run" ADD CONSTRAINT "import_run_started_by_staff_user_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."staff_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "import_row_run_row_key" ON "import_row" USING btree ("run_id","row_number");--> statement-breakpoint
CREATE INDEX "import_row_run_outcome_idx" ON "import_row" USING btree ("run_id","outcome","row_number");--> statement-breakpoint
CREATE INDEX "import_row_identity_idx" ON "import_row" USING btree ("run_id","identity_index");--> statement-breakpoint
CREATE INDEX "import_row_business_id_idx" ON "import_row" USING btree ("run_id","business_id_index");--> statement-breakpoint
CREATE INDEX "import_row_email_idx" ON "import_row" USING btree ("run_id","email_index");--> statement-breakpoint
CREATE INDEX "import_row_person_idx" ON "import_row" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "import_run_one_running_per_file" ON "import_run" USING btree ("file_sha256","dry_run") WHERE "import_run"."status" = 'running';--> statement-breakpoint
CREATE INDEX "import_run_file_idx" ON "import_run" USING btree ("file_sha256");--> statement-breakpoint
CREATE INDEX "person_postal_code_idx" ON "person" USING btree (("permanent_address"->>'postalCode'));--> statement-breakpoint
ALTER TABLE "value_source" ADD CONSTRAINT "value_source_kind_check" CHECK ("value_source"."kind" in ('data_subject', 'population_register', 'update_service', 'partner', 'staff', 'request', 'import'));
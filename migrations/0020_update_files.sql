CREATE TABLE "update_file_row" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "update_file_row_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"run_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"person_id" uuid,
	"outcome" text NOT NULL,
	"reason" text,
	"fields" text[] NOT NULL,
	CONSTRAINT "update_file_row_outcome_check" CHECK ("update_file_row"."outcome" in ('applied', 'unchanged', 'noMatch', 'refused')),
	CONSTRAINT "update_file_row_reason_check" CHECK ("update_file_row"."reason" is null or "update_file_row"."reason" in ('noPerson', 'ambiguous', 'addressProtected', 'registerUpdateProhibited', 'archived', 'deceased', 'invalid'))
);
--> statement-breakpoint
CREATE TABLE "update_file_run" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer GENERATED ALWAYS AS IDENTITY (sequence name "update_file_run_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"partner_id" uuid NOT NULL,
	"profile" text NOT NULL,
	"file_name" text NOT NULL,
	"file_hash" "bytea" NOT NULL,
	"dry_run" boolean NOT NULL,
	"trigger" text NOT NULL,
	"started_by" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"status" text NOT NULL,
	"lines_done" integer DEFAULT 0 NOT NULL,
	"batches" integer DEFAULT 0 NOT NULL,
	"error" text,
	CONSTRAINT "update_file_run_number_unique" UNIQUE("number"),
	CONSTRAINT "update_file_run_status_check" CHECK ("update_file_run"."status" in ('running', 'finished', 'failed')),
	CONSTRAINT "update_file_run_trigger_check" CHECK ("update_file_run"."trigger" in ('cli', 'web'))
);
--> statement-breakpoint
ALTER TABLE "update_file_row" ADD CONSTRAINT "update_file_row_run_id_update_file_run_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."update_file_run"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_file_row" ADD CONSTRAINT "update_file_row_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_file_run" ADD CONSTRAINT "update_file_run_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_file_run" ADD CONSTRAINT "update_file_run_started_by_staff_user_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."staff_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "update_file_row_line_key" ON "update_file_row" USING btree ("run_id","line");--> statement-breakpoint
CREATE INDEX "update_file_row_outcome_idx" ON "update_file_row" USING btree ("run_id","outcome","line");--> statement-breakpoint
CREATE INDEX "update_file_row_person_idx" ON "update_file_row" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "update_file_run_hash_idx" ON "update_file_run" USING btree ("file_hash");--> statement-breakpoint
CREATE INDEX "person_lower_name_idx" ON "person" USING btree (lower("last_name"),lower("first_name"));
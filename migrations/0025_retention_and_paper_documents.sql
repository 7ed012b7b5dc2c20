CREATE TABLE "paper_document" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid,
	"organization_id" uuid,
	"description" text NOT NULL,
	"location" text NOT NULL,
	"handler_ids" uuid[] NOT NULL,
	"destroy_on" date NOT NULL,
	"destroyed_on" date,
	"destroyed_at" timestamp with time zone,
	"destroyed_by" uuid,
	"destruction_note" text,
	"erased_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	CONSTRAINT "paper_document_owner_check" CHECK ("paper_document"."erased_at" is not null or (("paper_document"."person_id" is null) <> ("paper_document"."organization_id" is null))),
	CONSTRAINT "paper_document_destroyed_check" CHECK (("paper_document"."destroyed_at" is null) = ("paper_document"."destroyed_on" is null)),
	CONSTRAINT "paper_document_erased_check" CHECK ("paper_document"."erased_at" is null or ("paper_document"."destroyed_at" is not null and "paper_document"."person_id" is null))
);
--> statement-breakpoint
CREATE TABLE "retention_outcome" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "retention_outcome_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"run_id" uuid NOT NULL,
	"subject_ref" uuid NOT NULL,
	"basis" text NOT NULL,
	"basis_on" date NOT NULL,
	"due_on" date NOT NULL,
	"outcome" text NOT NULL,
	"blockers" text[] DEFAULT '{}'::text[] NOT NULL,
	"erasure_id" uuid,
	CONSTRAINT "retention_outcome_basis_check" CHECK ("retention_outcome"."basis" in ('lastRelationship', 'deceased')),
	CONSTRAINT "retention_outcome_check" CHECK ("retention_outcome"."outcome" in ('erased', 'partlyErased', 'blocked', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "retention_run" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer GENERATED ALWAYS AS IDENTITY (sequence name "retention_run_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"trigger" text NOT NULL,
	"started_by" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"today" date NOT NULL,
	"customer_years" integer NOT NULL,
	"deceased_years" integer NOT NULL,
	CONSTRAINT "retention_run_number_unique" UNIQUE("number"),
	CONSTRAINT "retention_run_trigger_check" CHECK ("retention_run"."trigger" in ('schedule', 'staff', 'cli'))
);
--> statement-breakpoint
CREATE TABLE "retention_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"customer_years" integer DEFAULT 6 NOT NULL,
	"deceased_years" integer DEFAULT 2 NOT NULL,
	"daily_run" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "retention_settings_single_row" CHECK ("retention_settings"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "paper_document" ADD CONSTRAINT "paper_document_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_document" ADD CONSTRAINT "paper_document_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_document" ADD CONSTRAINT "paper_document_destroyed_by_staff_user_id_fk" FOREIGN KEY ("destroyed_by") REFERENCES "public"."staff_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_document" ADD CONSTRAINT "paper_document_created_by_staff_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_outcome" ADD CONSTRAINT "retention_outcome_run_id_retention_run_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."retention_run"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_outcome" ADD CONSTRAINT "retention_outcome_erasure_id_person_erasure_id_fk" FOREIGN KEY ("erasure_id") REFERENCES "public"."person_erasure"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_run" ADD CONSTRAINT "retention_run_started_by_staff_user_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."staff_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_settings" ADD CONSTRAINT "retention_settings_updated_by_staff_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "paper_document_person_idx" ON "paper_document" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "paper_document_organization_idx" ON "paper_document" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "paper_document_destroy_idx" ON "paper_document" USING btree ("destroy_on") WHERE "paper_document"."destroyed_at" is null;--> statement-breakpoint
CREATE INDEX "retention_outcome_run_idx" ON "retention_outcome" USING btree ("run_id","id");--> statement-breakpoint
CREATE INDEX "retention_run_started_idx" ON "retention_run" USING btree ("started_at");
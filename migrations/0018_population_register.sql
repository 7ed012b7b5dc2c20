CREATE TABLE "dvv_prohibition" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"since" date NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"run_id" uuid,
	"objection_id" uuid,
	"lifted_on" date,
	"lifted_at" timestamp with time zone,
	CONSTRAINT "dvv_prohibition_kind_check" CHECK ("dvv_prohibition"."kind" in ('direct_marketing', 'contact_disclosure', 'register_update'))
);
--> statement-breakpoint
CREATE TABLE "dvv_sync_position" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"position" bigint NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"run_id" uuid,
	CONSTRAINT "dvv_sync_position_one_row" CHECK ("dvv_sync_position"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "dvv_sync_record" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dvv_sync_record_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"run_id" uuid NOT NULL,
	"page" integer NOT NULL,
	"seq" integer NOT NULL,
	"person_id" uuid,
	"changed_at" timestamp with time zone,
	"outcome" text NOT NULL,
	"kinds" text[] NOT NULL,
	"fields" text[] NOT NULL,
	"notes" text[] NOT NULL,
	"fingerprint" "bytea",
	CONSTRAINT "dvv_sync_record_outcome_check" CHECK ("dvv_sync_record"."outcome" in ('applied', 'unchanged', 'skipped', 'noPerson', 'unparsable', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "dvv_sync_run" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer GENERATED ALWAYS AS IDENTITY (sequence name "dvv_sync_run_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"trigger" text NOT NULL,
	"started_by" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"status" text NOT NULL,
	"start_position" bigint NOT NULL,
	"reached_position" bigint NOT NULL,
	"person_cursor" uuid,
	"batch_person_ids" uuid[],
	"batch_position" bigint,
	"pages" integer DEFAULT 0 NOT NULL,
	"persons" integer DEFAULT 0 NOT NULL,
	"error" text,
	CONSTRAINT "dvv_sync_run_number_unique" UNIQUE("number"),
	CONSTRAINT "dvv_sync_run_status_check" CHECK ("dvv_sync_run"."status" in ('running', 'finished', 'failed')),
	CONSTRAINT "dvv_sync_run_trigger_check" CHECK ("dvv_sync_run"."trigger" in ('cli', 'timer', 'web'))
);
--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "deceased_on" date;--> statement-breakpoint
ALTER TABLE "dvv_prohibition" ADD CONSTRAINT "dvv_prohibition_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dvv_prohibition" ADD CONSTRAINT "dvv_prohibition_run_id_dvv_sync_run_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."dvv_sync_run"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dvv_prohibition" ADD CONSTRAINT "dvv_prohibition_objection_id_objection_id_fk" FOREIGN KEY ("objection_id") REFERENCES "public"."objection"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dvv_sync_record" ADD CONSTRAINT "dvv_sync_record_run_id_dvv_sync_run_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."dvv_sync_run"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dvv_sync_record" ADD CONSTRAINT "dvv_sync_record_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dvv_sync_run" ADD CONSTRAINT "dvv_sync_run_started_by_staff_user_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."staff_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dvv_prohibition_active_key" ON "dvv_prohibition" USING btree ("person_id","kind") WHERE "dvv_prohibition"."lifted_on" is null;--> statement-breakpoint
CREATE INDEX "dvv_sync_record_run_idx" ON "dvv_sync_record" USING btree ("run_id","id");--> statement-breakpoint
CREATE INDEX "dvv_sync_record_fingerprint_idx" ON "dvv_sync_record" USING btree ("fingerprint");--> statement-breakpoint
CREATE INDEX "dvv_sync_record_person_idx" ON "dvv_sync_record" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dvv_sync_run_one_running" ON "dvv_sync_run" USING btree ("status") WHERE "dvv_sync_run"."status" = 'running';
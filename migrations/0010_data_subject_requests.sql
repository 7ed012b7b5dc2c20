CREATE TABLE "data_subject_request_event" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "data_subject_request_event_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"request_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"user_id" uuid,
	"username" text,
	"action" text NOT NULL,
	"changes" jsonb
);
--> statement-breakpoint
CREATE TABLE "data_subject_request_note" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "data_subject_request_note_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"request_id" uuid NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"user_id" uuid,
	"username" text
);
--> statement-breakpoint
CREATE TABLE "data_subject_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" bigint GENERATED ALWAYS AS IDENTITY (sequence name "data_subject_request_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"type" text NOT NULL,
	"person_id" uuid NOT NULL,
	"received_on" date NOT NULL,
	"channel" text NOT NULL,
	"language" text NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"due_on" date NOT NULL,
	"identity_method" text,
	"identity_verified_on" date,
	"identity_verified_by" uuid,
	"assignee_id" uuid,
	"extension_reason" text,
	"extension_told_on" date,
	"outcome" text,
	"decision_reasons" text,
	"decided_on" date,
	"answered_on" date,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "data_subject_request_type_check" CHECK ("data_subject_request"."type" in ('access', 'rectification', 'erasure', 'objection')),
	CONSTRAINT "data_subject_request_channel_check" CHECK ("data_subject_request"."channel" in ('letter', 'email', 'counter', 'e_service')),
	CONSTRAINT "data_subject_request_language_check" CHECK ("data_subject_request"."language" in ('fi', 'sv', 'en')),
	CONSTRAINT "data_subject_request_status_check" CHECK ("data_subject_request"."status" in ('received', 'identity_verified', 'in_progress', 'decided', 'answered')),
	CONSTRAINT "data_subject_request_outcome_check" CHECK ("data_subject_request"."outcome" is null or "data_subject_request"."outcome" in ('granted', 'partly_granted', 'refused')),
	CONSTRAINT "data_subject_request_identity_check" CHECK ("data_subject_request"."identity_method" is null or "data_subject_request"."identity_method" in ('signed_letter', 'strong_identification', 'in_person'))
);
--> statement-breakpoint
ALTER TABLE "data_subject_request_event" ADD CONSTRAINT "data_subject_request_event_request_id_data_subject_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."data_subject_request"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_subject_request_event" ADD CONSTRAINT "data_subject_request_event_user_id_staff_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_subject_request_note" ADD CONSTRAINT "data_subject_request_note_request_id_data_subject_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."data_subject_request"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_subject_request_note" ADD CONSTRAINT "data_subject_request_note_user_id_staff_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_subject_request" ADD CONSTRAINT "data_subject_request_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_subject_request" ADD CONSTRAINT "data_subject_request_identity_verified_by_staff_user_id_fk" FOREIGN KEY ("identity_verified_by") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_subject_request" ADD CONSTRAINT "data_subject_request_assignee_id_staff_user_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_subject_request" ADD CONSTRAINT "data_subject_request_created_by_staff_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "data_subject_request_event_request_idx" ON "data_subject_request_event" USING btree ("request_id","id");--> statement-breakpoint
CREATE INDEX "data_subject_request_note_request_idx" ON "data_subject_request_note" USING btree ("request_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "data_subject_request_number_key" ON "data_subject_request" USING btree ("number");--> statement-breakpoint
CREATE INDEX "data_subject_request_open_idx" ON "data_subject_request" USING btree ("due_on","id") WHERE "data_subject_request"."status" <> 'answered';--> statement-breakpoint
CREATE INDEX "data_subject_request_person_idx" ON "data_subject_request" USING btree ("person_id","received_on");
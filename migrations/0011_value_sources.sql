CREATE TABLE "value_source" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "value_source_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"person_id" uuid NOT NULL,
	"field" text NOT NULL,
	"kind" text NOT NULL,
	"partner_id" uuid,
	"request_id" uuid,
	"reference" text,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid,
	"current" boolean DEFAULT true NOT NULL,
	"superseded_at" timestamp with time zone,
	CONSTRAINT "value_source_kind_check" CHECK ("value_source"."kind" in ('data_subject', 'population_register', 'update_service', 'partner', 'staff', 'request')),
	CONSTRAINT "value_source_field_check" CHECK ("value_source"."field" in ('firstName', 'lastName', 'personalIdentityCode', 'email', 'phone', 'permanentAddress', 'contactAddress', 'language', 'billing', 'addressProtection', 'organizations')),
	CONSTRAINT "value_source_partner_check" CHECK (("value_source"."kind" = 'partner') = ("value_source"."partner_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "value_source" ADD CONSTRAINT "value_source_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_source" ADD CONSTRAINT "value_source_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_source" ADD CONSTRAINT "value_source_request_id_data_subject_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."data_subject_request"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_source" ADD CONSTRAINT "value_source_recorded_by_staff_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "value_source_person_field_idx" ON "value_source" USING btree ("person_id","field","id");--> statement-breakpoint
CREATE INDEX "value_source_request_idx" ON "value_source" USING btree ("request_id") WHERE "value_source"."request_id" is not null;
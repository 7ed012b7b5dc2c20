CREATE TABLE "legal_hold" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"from_on" date NOT NULL,
	"until_on" date,
	"released_at" timestamp with time zone,
	"released_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "person_erasure" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_ref" uuid NOT NULL,
	"request_id" uuid,
	"status" text NOT NULL,
	"erased_at" timestamp with time zone NOT NULL,
	"erased_by" uuid,
	"erased" text[] NOT NULL,
	"kept" jsonb NOT NULL,
	"finish_on" date,
	"completed_at" timestamp with time zone,
	"key_destroyed_at" timestamp with time zone,
	"unsealed_log_entries" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "person_erasure_subject_ref_unique" UNIQUE("subject_ref"),
	CONSTRAINT "person_erasure_status_check" CHECK ("person_erasure"."status" in ('partial', 'complete')),
	CONSTRAINT "person_erasure_finish_check" CHECK (("person_erasure"."status" = 'partial') = ("person_erasure"."finish_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "objection" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"type" text NOT NULL,
	"objected_on" date NOT NULL,
	"source" text NOT NULL,
	"request_id" uuid,
	"note" text,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"withdrawn_on" date,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	"withdrawal_note" text,
	CONSTRAINT "objection_type_check" CHECK ("objection"."type" in ('direct_marketing', 'distance_selling', 'market_research', 'published_list', 'targeting')),
	CONSTRAINT "objection_source_check" CHECK ("objection"."source" in ('request', 'customer_service', 'email', 'register_officer', 'population_register')),
	CONSTRAINT "objection_request_source_check" CHECK ("objection"."request_id" is null or "objection"."source" = 'request'),
	CONSTRAINT "objection_withdrawal_check" CHECK (("objection"."withdrawn_on" is null) = ("objection"."withdrawn_at" is null))
);
--> statement-breakpoint
CREATE TABLE "request_attachment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"file_name_encrypted" "bytea" NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content_encrypted" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_by_username" text
);
--> statement-breakpoint
ALTER TABLE "data_subject_request" DROP CONSTRAINT "data_subject_request_person_id_person_id_fk";
--> statement-breakpoint
ALTER TABLE "billing_settings" ADD COLUMN "social_records_retention_years" integer DEFAULT 12 NOT NULL;--> statement-breakpoint
ALTER TABLE "disclosure" ADD COLUMN "use" text;--> statement-breakpoint
ALTER TABLE "legal_hold" ADD CONSTRAINT "legal_hold_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_hold" ADD CONSTRAINT "legal_hold_released_by_staff_user_id_fk" FOREIGN KEY ("released_by") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_hold" ADD CONSTRAINT "legal_hold_created_by_staff_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_erasure" ADD CONSTRAINT "person_erasure_request_id_data_subject_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."data_subject_request"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_erasure" ADD CONSTRAINT "person_erasure_erased_by_staff_user_id_fk" FOREIGN KEY ("erased_by") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objection" ADD CONSTRAINT "objection_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objection" ADD CONSTRAINT "objection_request_id_data_subject_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."data_subject_request"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objection" ADD CONSTRAINT "objection_created_by_staff_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objection" ADD CONSTRAINT "objection_withdrawn_by_staff_user_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."staff_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_attachment" ADD CONSTRAINT "request_attachment_request_id_data_subject_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."data_subject_request"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_attachment" ADD CONSTRAINT "request_attachment_created_by_staff_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "legal_hold_person_idx" ON "legal_hold" USING btree ("person_id","from_on");--> statement-breakpoint
CREATE INDEX "person_erasure_finish_idx" ON "person_erasure" USING btree ("finish_on") WHERE "person_erasure"."status" = 'partial';--> statement-breakpoint
CREATE UNIQUE INDEX "objection_active_key" ON "objection" USING btree ("person_id","type") WHERE "objection"."withdrawn_on" is null;--> statement-breakpoint
CREATE INDEX "objection_person_idx" ON "objection" USING btree ("person_id","objected_on");--> statement-breakpoint
CREATE INDEX "objection_request_idx" ON "objection" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "request_attachment_request_idx" ON "request_attachment" USING btree ("request_id","created_at");
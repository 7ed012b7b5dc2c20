CREATE TABLE "processing_restriction" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"grounds" jsonb NOT NULL,
	"rectification_request_id" uuid,
	"placed_on" date NOT NULL,
	"placed_at" timestamp with time zone NOT NULL,
	"placed_by" uuid,
	"lifted_on" date,
	"lifted_at" timestamp with time zone,
	"lifted_by" uuid,
	"lift_reason" text
);
--> statement-breakpoint
ALTER TABLE "data_subject_request" DROP CONSTRAINT "data_subject_request_type_check";--> statement-breakpoint
ALTER TABLE "update_file_row" DROP CONSTRAINT "update_file_row_reason_check";--> statement-breakpoint
ALTER TABLE "processing_restriction" ADD CONSTRAINT "processing_restriction_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processing_restriction" ADD CONSTRAINT "processing_restriction_request_id_data_subject_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."data_subject_request"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processing_restriction" ADD CONSTRAINT "processing_restriction_rectification_request_id_data_subject_request_id_fk" FOREIGN KEY ("rectification_request_id") REFERENCES "public"."data_subject_request"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processing_restriction" ADD CONSTRAINT "processing_restriction_placed_by_staff_user_id_fk" FOREIGN KEY ("placed_by") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processing_restriction" ADD CONSTRAINT "processing_restriction_lifted_by_staff_user_id_fk" FOREIGN KEY ("lifted_by") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "processing_restriction_request_key" ON "processing_restriction" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "processing_restriction_person_idx" ON "processing_restriction" USING btree ("person_id");--> statement-breakpoint
ALTER TABLE "data_subject_request" ADD CONSTRAINT "data_subject_request_type_check" CHECK ("data_subject_request"."type" in ('access', 'rectification', 'erasure', 'objection', 'restriction'));--> statement-breakpoint
ALTER TABLE "update_file_row" ADD CONSTRAINT "update_file_row_reason_check" CHECK ("update_file_row"."reason" is null or "update_file_row"."reason" in ('noPerson', 'ambiguous', 'addressProtected', 'registerUpdateProhibited', 'archived', 'deceased', 'restricted', 'invalid'));
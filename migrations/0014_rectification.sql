CREATE TABLE "rectification_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"field" text NOT NULL,
	"proposed_value_encrypted" "bytea" NOT NULL,
	"grounds" text NOT NULL,
	"decision" text,
	"refusal_reason" text,
	"decided_on" date,
	"decided_by" uuid,
	"applied_at" timestamp with time zone,
	"applied_by" uuid,
	"sources" jsonb,
	"recipients" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	CONSTRAINT "rectification_item_decision_check" CHECK ("rectification_item"."decision" is null or "rectification_item"."decision" in ('granted', 'refused')),
	CONSTRAINT "rectification_item_refusal_check" CHECK (("rectification_item"."decision" = 'refused') = ("rectification_item"."refusal_reason" is not null)),
	CONSTRAINT "rectification_item_applied_check" CHECK ("rectification_item"."applied_at" is null or ("rectification_item"."decision" = 'granted' and "rectification_item"."sources" is not null and "rectification_item"."recipients" is not null))
);
--> statement-breakpoint
ALTER TABLE "rectification_item" ADD CONSTRAINT "rectification_item_request_id_data_subject_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."data_subject_request"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_item" ADD CONSTRAINT "rectification_item_decided_by_staff_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_item" ADD CONSTRAINT "rectification_item_applied_by_staff_user_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_item" ADD CONSTRAINT "rectification_item_created_by_staff_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rectification_item_request_field_key" ON "rectification_item" USING btree ("request_id","field");--> statement-breakpoint
CREATE INDEX "rectification_item_request_idx" ON "rectification_item" USING btree ("request_id","created_at");
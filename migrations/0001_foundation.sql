CREATE TABLE "staff_session" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_user" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text NOT NULL,
	"commitment_signed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deactivated_at" timestamp with time zone,
	CONSTRAINT "staff_user_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "organization" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"business_id" text,
	"postal_address" jsonb,
	"visiting_address" jsonb,
	"billing" jsonb,
	"email" text,
	"phone" text,
	"notes" text,
	"search_text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "person_organization" (
	"person_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"title" text,
	CONSTRAINT "person_organization_person_id_organization_id_pk" PRIMARY KEY("person_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "person" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"identity_code_encrypted" "bytea",
	"identity_code_index" "bytea",
	"identity_code_purpose" text,
	"identity_code_temporary" boolean,
	"email" text,
	"phone" text,
	"permanent_address" jsonb,
	"contact_address" jsonb,
	"language" text DEFAULT 'fi' NOT NULL,
	"billing" jsonb,
	"address_protection_active" boolean DEFAULT false NOT NULL,
	"address_protection_ends_on" date,
	"address_protection_source" text,
	"notes" text,
	"search_text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "staff_session" ADD CONSTRAINT "staff_session_user_id_staff_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."staff_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_organization" ADD CONSTRAINT "person_organization_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_organization" ADD CONSTRAINT "person_organization_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_session_user_idx" ON "staff_session" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organization_business_id_key" ON "organization" USING btree ("business_id");--> statement-breakpoint
CREATE INDEX "organization_search_text_trgm_idx" ON "organization" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organization_email_idx" ON "organization" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "organization_name_order_idx" ON "organization" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "person_organization_org_idx" ON "person_organization" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "person_identity_code_index_key" ON "person" USING btree ("identity_code_index");--> statement-breakpoint
CREATE INDEX "person_search_text_trgm_idx" ON "person" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "person_email_idx" ON "person" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "person_phone_idx" ON "person" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "person_name_order_idx" ON "person" USING btree ("last_name","first_name","id");
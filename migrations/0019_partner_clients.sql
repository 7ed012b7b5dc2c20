CREATE TABLE "partner_client_secret" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"prefix" text NOT NULL,
	"secret_hash" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "partner_client" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"scopes" text[] NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	CONSTRAINT "partner_client_kind_check" CHECK ("partner_client"."kind" in ('api_key', 'oauth_client'))
);
--> statement-breakpoint
ALTER TABLE "partner_client_secret" ADD CONSTRAINT "partner_client_secret_client_id_partner_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."partner_client"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_client" ADD CONSTRAINT "partner_client_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_client" ADD CONSTRAINT "partner_client_created_by_staff_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "partner_client_secret_prefix_idx" ON "partner_client_secret" USING btree ("prefix");--> statement-breakpoint
CREATE INDEX "partner_client_secret_client_idx" ON "partner_client_secret" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "partner_client_partner_idx" ON "partner_client" USING btree ("partner_id","created_at");
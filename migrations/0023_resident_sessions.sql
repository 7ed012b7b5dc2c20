CREATE TABLE "resident_session" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"person_id" uuid,
	"identity_code_index" "bytea" NOT NULL,
	"identity_encrypted" "bytea" NOT NULL,
	"id_token_encrypted" "bytea",
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "resident_session" ADD CONSTRAINT "resident_session_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "resident_session_person_idx" ON "resident_session" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "resident_session_expires_idx" ON "resident_session" USING btree ("expires_at");
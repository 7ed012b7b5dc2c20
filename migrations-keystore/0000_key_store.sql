CREATE TABLE "person_key" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"wrapped_key" "bytea",
	"master_key_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rewrapped_at" timestamp with time zone,
	"destroyed_at" timestamp with time zone,
	CONSTRAINT "person_key_alive_or_destroyed" CHECK (("person_key"."destroyed_at" is null and "person_key"."wrapped_key" is not null and "person_key"."master_key_id" is not null) or ("person_key"."destroyed_at" is not null and "person_key"."wrapped_key" is null and "person_key"."master_key_id" is null))
);
--> statement-breakpoint
CREATE TABLE "wrapping_key" (
	"id" text PRIMARY KEY NOT NULL,
	"fingerprint" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "person_key" ADD CONSTRAINT "person_key_master_key_id_wrapping_key_id_fk" FOREIGN KEY ("master_key_id") REFERENCES "public"."wrapping_key"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_key_master_key_idx" ON "person_key" USING btree ("master_key_id","person_id");
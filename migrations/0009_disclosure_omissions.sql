ALTER TABLE "disclosure" ADD COLUMN "omitted_fields" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "disclosure" ADD COLUMN "transfer_safeguard" text;--> statement-breakpoint
CREATE INDEX "disclosure_disclosed_at_idx" ON "disclosure" USING btree ("disclosed_at","id");
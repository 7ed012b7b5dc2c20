CREATE TABLE "sign_in_failure" (
	"key" text NOT NULL,
	"failed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "sign_in_failure_key_idx" ON "sign_in_failure" USING btree ("key","failed_at");--> statement-breakpoint
CREATE INDEX "sign_in_failure_failed_at_idx" ON "sign_in_failure" USING btree ("failed_at");
CREATE TABLE "access_log" (
	"position" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "access_log_position_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"entry_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"user_id" uuid,
	"username" text,
	"role" text,
	"action" text NOT NULL,
	"subject_ids" uuid[] NOT NULL,
	"fields" text[] NOT NULL,
	"changes" jsonb,
	"purpose" text,
	"client_address" text,
	"request_id" text,
	"entry_mac" "bytea" NOT NULL,
	CONSTRAINT "access_log_entry_id_unique" UNIQUE("entry_id")
);
--> statement-breakpoint
CREATE TABLE "access_log_chain" (
	"position" bigint PRIMARY KEY NOT NULL,
	"link" "bytea" NOT NULL,
	"sealed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "access_log_subject_ids_idx" ON "access_log" USING gin ("subject_ids");--> statement-breakpoint
CREATE INDEX "access_log_user_idx" ON "access_log" USING btree ("user_id","occurred_at");--> statement-breakpoint
CREATE INDEX "access_log_occurred_idx" ON "access_log" USING btree ("occurred_at");--> statement-breakpoint
-- Append-only in the database itself, whatever role writes: an update, delete or truncate of the
-- log is refused. (On PostgreSQL the runtime role also lacks those privileges: docs/operations.md.)
CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the access log is append-only: % on % is refused', TG_OP, TG_TABLE_NAME;
END
$$;
--> statement-breakpoint
CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON "access_log"
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only();
--> statement-breakpoint
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON "access_log"
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only();
--> statement-breakpoint
CREATE TRIGGER access_log_chain_append_only BEFORE UPDATE OR DELETE ON "access_log_chain"
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only();
--> statement-breakpoint
CREATE TRIGGER access_log_chain_no_truncate BEFORE TRUNCATE ON "access_log_chain"
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only();

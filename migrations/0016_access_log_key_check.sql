CREATE TABLE "access_log_key_check" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"mac" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "access_log_key_check_one_row" CHECK ("access_log_key_check"."id" = 1)
);
--> statement-breakpoint
-- Append-only like the log itself (migration 0003): the check value is written once, and a role
-- that could replace it could make a wrong key look right.
CREATE TRIGGER access_log_key_check_append_only BEFORE UPDATE OR DELETE ON "access_log_key_check"
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only();
--> statement-breakpoint
CREATE TRIGGER access_log_key_check_no_truncate BEFORE TRUNCATE ON "access_log_key_check"
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only();
--> statement-breakpoint
-- A runtime role given its grants before this table existed got UPDATE and DELETE on it from the
-- default privileges; take them back here, from every role that may append to the log but not
-- change it, so the server's start check does not refuse it after the upgrade.
DO $$
DECLARE
  runtime name;
BEGIN
  FOR runtime IN
    SELECT rolname FROM pg_roles
    WHERE rolname <> current_user AND rolname NOT LIKE 'pg\_%' AND NOT rolsuper
      AND has_table_privilege(oid, 'access_log', 'INSERT')
      AND NOT has_table_privilege(oid, 'access_log', 'UPDATE')
  LOOP
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON access_log_key_check FROM %I', runtime);
  END LOOP;
END
$$;

ALTER TABLE "social_break_glass" ALTER COLUMN "reason" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "social_break_glass" ALTER COLUMN "expires_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "social_break_glass" ADD COLUMN "kind" text DEFAULT 'breakGlass' NOT NULL;--> statement-breakpoint
ALTER TABLE "social_break_glass" ADD COLUMN "relationship_id" uuid;--> statement-breakpoint
ALTER TABLE "social_family_relation" ADD COLUMN "unit_id" uuid;--> statement-breakpoint
-- Existing rows get the unit they were written under (decision 0012): the author's unit that served
-- the client on the day (Helsinki), else an author's unit that served the client at some time, else
-- the unit that served the client on the day (the author has left it), else the client's first unit.
UPDATE "social_family_relation" AS r SET "unit_id" = coalesce(
	(SELECT c."unit_id" FROM "social_client" c
		JOIN "social_unit_member" m ON m."unit_id" = c."unit_id" AND m."user_id" = r."author_id"
		WHERE c."person_id" = r."person_id"
			AND c."starts_on" <= (r."created_at" AT TIME ZONE 'Europe/Helsinki')::date
			AND (c."ends_on" IS NULL OR c."ends_on" >= (r."created_at" AT TIME ZONE 'Europe/Helsinki')::date)
		ORDER BY c."starts_on" DESC, c."unit_id" LIMIT 1),
	(SELECT c."unit_id" FROM "social_client" c
		JOIN "social_unit_member" m ON m."unit_id" = c."unit_id" AND m."user_id" = r."author_id"
		WHERE c."person_id" = r."person_id"
		ORDER BY c."starts_on" DESC, c."unit_id" LIMIT 1),
	(SELECT c."unit_id" FROM "social_client" c
		WHERE c."person_id" = r."person_id"
			AND c."starts_on" <= (r."created_at" AT TIME ZONE 'Europe/Helsinki')::date
			AND (c."ends_on" IS NULL OR c."ends_on" >= (r."created_at" AT TIME ZONE 'Europe/Helsinki')::date)
		ORDER BY c."starts_on" DESC, c."unit_id" LIMIT 1),
	(SELECT c."unit_id" FROM "social_client" c
		WHERE c."person_id" = r."person_id"
		ORDER BY c."starts_on", c."unit_id" LIMIT 1)
);--> statement-breakpoint
ALTER TABLE "social_family_relation" ALTER COLUMN "unit_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "social_record" ADD COLUMN "unit_id" uuid;--> statement-breakpoint
-- Existing rows get the unit they were written under (decision 0012): the author's unit that served
-- the client on the day (Helsinki), else an author's unit that served the client at some time, else
-- the unit that served the client on the day (the author has left it), else the client's first unit.
UPDATE "social_record" AS r SET "unit_id" = coalesce(
	(SELECT c."unit_id" FROM "social_client" c
		JOIN "social_unit_member" m ON m."unit_id" = c."unit_id" AND m."user_id" = r."author_id"
		WHERE c."person_id" = r."person_id"
			AND c."starts_on" <= (r."created_at" AT TIME ZONE 'Europe/Helsinki')::date
			AND (c."ends_on" IS NULL OR c."ends_on" >= (r."created_at" AT TIME ZONE 'Europe/Helsinki')::date)
		ORDER BY c."starts_on" DESC, c."unit_id" LIMIT 1),
	(SELECT c."unit_id" FROM "social_client" c
		JOIN "social_unit_member" m ON m."unit_id" = c."unit_id" AND m."user_id" = r."author_id"
		WHERE c."person_id" = r."person_id"
		ORDER BY c."starts_on" DESC, c."unit_id" LIMIT 1),
	(SELECT c."unit_id" FROM "social_client" c
		WHERE c."person_id" = r."person_id"
			AND c."starts_on" <= (r."created_at" AT TIME ZONE 'Europe/Helsinki')::date
			AND (c."ends_on" IS NULL OR c."ends_on" >= (r."created_at" AT TIME ZONE 'Europe/Helsinki')::date)
		ORDER BY c."starts_on" DESC, c."unit_id" LIMIT 1),
	(SELECT c."unit_id" FROM "social_client" c
		WHERE c."person_id" = r."person_id"
		ORDER BY c."starts_on", c."unit_id" LIMIT 1)
);--> statement-breakpoint
ALTER TABLE "social_record" ALTER COLUMN "unit_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "social_break_glass" ADD CONSTRAINT "social_break_glass_relationship_id_social_client_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."social_client"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_family_relation" ADD CONSTRAINT "social_family_relation_unit_id_social_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."social_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_record" ADD CONSTRAINT "social_record_unit_id_social_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."social_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_break_glass" ADD CONSTRAINT "social_break_glass_kind_check" CHECK ("social_break_glass"."kind" in ('breakGlass', 'clientOfAnotherUnit', 'backdatedRelationship'));--> statement-breakpoint
ALTER TABLE "social_break_glass" ADD CONSTRAINT "social_break_glass_shape_check" CHECK (case when "social_break_glass"."kind" = 'breakGlass' then "social_break_glass"."reason" is not null and "social_break_glass"."expires_at" is not null and "social_break_glass"."relationship_id" is null else "social_break_glass"."relationship_id" is not null and "social_break_glass"."reason" is null and "social_break_glass"."expires_at" is null end);
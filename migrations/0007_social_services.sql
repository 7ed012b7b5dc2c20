CREATE TABLE "social_break_glass" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"review_note" text
);
--> statement-breakpoint
CREATE TABLE "social_client" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"responsible_worker_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_family_relation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"related_person_id" uuid NOT NULL,
	"content_encrypted" "bytea" NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"author_id" uuid,
	"author_username" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_need_type" (
	"code" text PRIMARY KEY NOT NULL,
	"name_fi" text NOT NULL,
	"name_sv" text NOT NULL,
	"name_en" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_record" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"content_encrypted" "bytea" NOT NULL,
	"author_id" uuid,
	"author_username" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "social_record_kind_check" CHECK ("social_record"."kind" in ('health', 'serviceNeed', 'income', 'bankAccount'))
);
--> statement-breakpoint
CREATE TABLE "social_unit_member" (
	"unit_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "social_unit_member_unit_id_user_id_pk" PRIMARY KEY("unit_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "social_unit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_fi" text NOT NULL,
	"name_sv" text NOT NULL,
	"name_en" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "social_unit_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "access_log" ADD COLUMN "flag" text;--> statement-breakpoint
ALTER TABLE "social_break_glass" ADD CONSTRAINT "social_break_glass_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_break_glass" ADD CONSTRAINT "social_break_glass_user_id_staff_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_break_glass" ADD CONSTRAINT "social_break_glass_reviewed_by_staff_user_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_client" ADD CONSTRAINT "social_client_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_client" ADD CONSTRAINT "social_client_unit_id_social_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."social_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_client" ADD CONSTRAINT "social_client_created_by_staff_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_family_relation" ADD CONSTRAINT "social_family_relation_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_family_relation" ADD CONSTRAINT "social_family_relation_related_person_id_person_id_fk" FOREIGN KEY ("related_person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_family_relation" ADD CONSTRAINT "social_family_relation_author_id_staff_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_record" ADD CONSTRAINT "social_record_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_record" ADD CONSTRAINT "social_record_author_id_staff_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_unit_member" ADD CONSTRAINT "social_unit_member_unit_id_social_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."social_unit"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_unit_member" ADD CONSTRAINT "social_unit_member_user_id_staff_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."staff_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "social_break_glass_grant_idx" ON "social_break_glass" USING btree ("user_id","person_id","expires_at");--> statement-breakpoint
CREATE INDEX "social_break_glass_unreviewed_idx" ON "social_break_glass" USING btree ("opened_at") WHERE "social_break_glass"."reviewed_at" is null;--> statement-breakpoint
CREATE INDEX "social_client_person_idx" ON "social_client" USING btree ("person_id","unit_id");--> statement-breakpoint
CREATE INDEX "social_client_unit_idx" ON "social_client" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "social_family_relation_person_idx" ON "social_family_relation" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "social_family_relation_related_idx" ON "social_family_relation" USING btree ("related_person_id");--> statement-breakpoint
CREATE INDEX "social_record_person_idx" ON "social_record" USING btree ("person_id","kind");--> statement-breakpoint
CREATE INDEX "social_unit_member_user_idx" ON "social_unit_member" USING btree ("user_id");--> statement-breakpoint
INSERT INTO "social_need_type" ("code", "name_fi", "name_sv", "name_en") VALUES
	('social_work', 'Sosiaalityö', 'Socialt arbete', 'Social work'),
	('income_support', 'Toimeentulotuki', 'Utkomststöd', 'Income support'),
	('housing', 'Asumispalvelut', 'Boendeservice', 'Housing services'),
	('home_care', 'Kotihoito', 'Hemvård', 'Home care'),
	('family_work', 'Perhetyö', 'Familjearbete', 'Family work'),
	('child_welfare', 'Lastensuojelu', 'Barnskydd', 'Child welfare'),
	('substance_abuse', 'Päihdetyö', 'Missbrukarvård', 'Substance abuse services'),
	('mental_health', 'Mielenterveystyö', 'Mentalvårdsarbete', 'Mental health services'),
	('disability', 'Vammaispalvelut', 'Handikappservice', 'Disability services'),
	('elderly', 'Ikääntyneiden palvelut', 'Äldreomsorg', 'Services for older people');

CREATE TABLE "commitment_signature" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"method" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"paper_signed_on" date,
	"paper_kept_at" text,
	"recorded_by" uuid
);
--> statement-breakpoint
CREATE TABLE "commitment_version" (
	"version" integer PRIMARY KEY NOT NULL,
	"text" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid
);
--> statement-breakpoint
CREATE TABLE "partner_customer" (
	"partner_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_customer_partner_id_customer_id_pk" PRIMARY KEY("partner_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "partner" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"business_id" text NOT NULL,
	"country" text NOT NULL,
	"contract_fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"contract_ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_business_id_unique" UNIQUE("business_id")
);
--> statement-breakpoint
ALTER TABLE "staff_user" ADD COLUMN "full_name" text;--> statement-breakpoint
ALTER TABLE "staff_user" ADD COLUMN "partner_id" uuid;--> statement-breakpoint
ALTER TABLE "staff_user" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_user" ADD COLUMN "password_changed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "staff_user" ADD COLUMN "totp_secret_encrypted" "bytea";--> statement-breakpoint
ALTER TABLE "staff_user" ADD COLUMN "totp_enabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "staff_user" ADD COLUMN "totp_last_step" bigint;--> statement-breakpoint
ALTER TABLE "staff_user" ADD COLUMN "expires_on" date;--> statement-breakpoint
ALTER TABLE "access_log" ADD COLUMN "partner_id" uuid;--> statement-breakpoint
ALTER TABLE "commitment_signature" ADD CONSTRAINT "commitment_signature_user_id_staff_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."staff_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_signature" ADD CONSTRAINT "commitment_signature_version_commitment_version_version_fk" FOREIGN KEY ("version") REFERENCES "public"."commitment_version"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_signature" ADD CONSTRAINT "commitment_signature_recorded_by_staff_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_version" ADD CONSTRAINT "commitment_version_published_by_staff_user_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_customer" ADD CONSTRAINT "partner_customer_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "commitment_signature_user_version_key" ON "commitment_signature" USING btree ("user_id","version");--> statement-breakpoint
CREATE INDEX "partner_customer_customer_idx" ON "partner_customer" USING btree ("customer_id");--> statement-breakpoint
ALTER TABLE "staff_user" ADD CONSTRAINT "staff_user_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Version 1 of the confidentiality commitment: the municipality replaces it from the settings.
INSERT INTO "commitment_version" ("version", "text") VALUES (1, 'SALASSAPITOSITOUMUS

Sitoudun pitämään salassa kaikki asiakasrekisterin tiedot, jotka saan tietooni tehtävissäni, sekä kunnan ja sen asiakkaiden asiat, jotka lain mukaan ovat salassa pidettäviä (laki viranomaisten toiminnan julkisuudesta 621/1999, 22–24 § ja 35 §; EU:n yleinen tietosuoja-asetus 2016/679; tietosuojalaki 1050/2018).

Käsittelen henkilötietoja vain siinä laajuudessa kuin työtehtäväni edellyttävät. En luovuta tietoja sivullisille enkä käytä niitä omaksi tai toisen hyödyksi. Käytän vain omaa henkilökohtaista käyttäjätunnustani enkä luovuta sitä tai salasanaani kenellekään.

Tiedän, että jokainen tietojen katselu ja muutos kirjataan käyttölokiin ja että lokia valvotaan. Salassapitovelvollisuus jatkuu palvelussuhteen tai toimeksiannon päätyttyä. Salassapitovelvollisuuden rikkominen on rangaistavaa (rikoslaki 38 luku 1–2 § ja 40 luku 5 §).');
--> statement-breakpoint
-- Commitments recorded before versioning are paper signatures of version 1.
INSERT INTO "commitment_signature" ("user_id", "version", "method", "signed_at", "paper_signed_on", "paper_kept_at")
SELECT "id", 1, 'paper', "created_at", "commitment_signed_on", 'not recorded (signed before versioned commitments)'
FROM "staff_user" WHERE "commitment_signed_on" IS NOT NULL;
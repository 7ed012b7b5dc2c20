ALTER TABLE "disclosure" ALTER COLUMN "partner_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "disclosure" ADD COLUMN "recipient" text DEFAULT 'partner' NOT NULL;--> statement-breakpoint
ALTER TABLE "disclosure" ADD COLUMN "handed_over_on" date;--> statement-breakpoint
ALTER TABLE "disclosure" ADD COLUMN "channel" text;--> statement-breakpoint
ALTER TABLE "disclosure" ADD CONSTRAINT "disclosure_recipient_check" CHECK (("disclosure"."recipient" = 'partner' and "disclosure"."partner_id" is not null and "disclosure"."channel" is null and "disclosure"."handed_over_on" is null) or ("disclosure"."recipient" = 'data_subject' and "disclosure"."partner_id" is null and "disclosure"."channel" in ('letter', 'email', 'counter', 'e_service') and "disclosure"."handed_over_on" is not null));
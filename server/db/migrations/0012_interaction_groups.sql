CREATE TABLE "interaction_group_members" (
	"group_id" uuid NOT NULL,
	"user_id" uuid,
	"unit_id" uuid
);
--> statement-breakpoint
CREATE TABLE "interaction_groups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"removed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "interaction_group_members" ADD CONSTRAINT "interaction_group_members_group_id_interaction_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."interaction_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_group_members" ADD CONSTRAINT "interaction_group_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_group_members" ADD CONSTRAINT "interaction_group_members_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_groups" ADD CONSTRAINT "interaction_groups_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "interaction_group_members_group_idx" ON "interaction_group_members" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "interaction_groups_owner_idx" ON "interaction_groups" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "internal_created_by_idx" ON "internal_documents" USING btree ("created_by","issued_date" DESC);
CREATE TABLE "approval_flows" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"document_type_id" uuid,
	"name" text NOT NULL,
	"steps" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outgoing_access" (
	"document_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"seen_at" timestamp with time zone,
	CONSTRAINT "outgoing_access_user_id_document_id_pk" PRIMARY KEY("user_id","document_id")
);
--> statement-breakpoint
CREATE TABLE "outgoing_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_path" text NOT NULL,
	"document_type_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"subject_search" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, f_unaccent(lower(subject)))) STORED NOT NULL,
	"summary" text,
	"drafting_code" text,
	"language" text DEFAULT 'vi' NOT NULL,
	"page_count" integer,
	"copies" integer,
	"confidentiality_code" text,
	"confidential" boolean DEFAULT false NOT NULL,
	"urgency_code" text,
	"urgency_rank" integer DEFAULT 0 NOT NULL,
	"field_id" uuid,
	"due_date" date,
	"signer_prefix" text,
	"signer_id" uuid,
	"signer_name" text,
	"signer_position" text,
	"recipients_text" text,
	"file_copy_to" text,
	"notes" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"flow_id" uuid,
	"steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"current_step" integer DEFAULT 0 NOT NULL,
	"round" integer DEFAULT 0 NOT NULL,
	"version_count" integer DEFAULT 0 NOT NULL,
	"final_version" integer,
	"register_id" uuid,
	"year" integer,
	"code_number" integer,
	"code_notation" text,
	"code_key" text,
	"issued_date" date,
	"issued_at" timestamp with time zone,
	"issued_by" uuid,
	"signed_at" timestamp with time zone,
	"recalled_at" timestamp with time zone,
	"recall_reason" text,
	"replaces_id" uuid,
	"replaced_by_id" uuid,
	"reply_to_incoming_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outgoing_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"document_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"step_index" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"comment" text,
	"acted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outgoing_steps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"document_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid NOT NULL,
	"on_behalf_of_id" uuid,
	"action" text NOT NULL,
	"comment" text,
	"version" integer
);
--> statement-breakpoint
CREATE TABLE "outgoing_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"document_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"note" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delivery_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"delivery_id" uuid NOT NULL,
	"status" text NOT NULL,
	"code" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"note" text,
	"actor_name" text
);
--> statement-breakpoint
CREATE TABLE "document_deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"outgoing_id" uuid NOT NULL,
	"sender_unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"recipient_unit_id" uuid,
	"recipient_name" text NOT NULL,
	"email" text,
	"business" text DEFAULT 'new' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"status_at" timestamp with time zone,
	"status_note" text,
	"sent_at" timestamp with time zone,
	"incoming_id" uuid,
	"recall_state" text,
	"recall_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "internal_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_path" text NOT NULL,
	"document_type_id" uuid NOT NULL,
	"register_id" uuid,
	"year" integer NOT NULL,
	"number" integer,
	"code_notation" text,
	"issued_date" date NOT NULL,
	"subject" text NOT NULL,
	"subject_search" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, f_unaccent(lower(subject)))) STORED NOT NULL,
	"content" text,
	"signer" text,
	"status" text DEFAULT 'active' NOT NULL,
	"cancel_reason" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "internal_numbering" (
	"unit_id" uuid NOT NULL,
	"document_type_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "internal_numbering_unit_id_document_type_id_pk" PRIMARY KEY("unit_id","document_type_id")
);
--> statement-breakpoint
CREATE TABLE "internal_recipients" (
	"document_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"seen_at" timestamp with time zone,
	CONSTRAINT "internal_recipients_user_id_document_id_pk" PRIMARY KEY("user_id","document_id")
);
--> statement-breakpoint
CREATE TABLE "archived_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_path" text NOT NULL,
	"document_type_id" uuid,
	"code_number" text,
	"code_notation" text,
	"code_key" text,
	"issued_date" date,
	"issuing_organ_name" text,
	"signer" text,
	"subject" text NOT NULL,
	"subject_search" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, f_unaccent(lower(subject)))) STORED NOT NULL,
	"field_id" uuid,
	"notes" text,
	"share_with_subunits" boolean DEFAULT false NOT NULL,
	"removed_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "archived_uses" (
	"user_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL,
	"open_count" integer DEFAULT 0 NOT NULL,
	"last_opened_at" timestamp with time zone,
	CONSTRAINT "archived_uses_user_id_document_id_pk" PRIMARY KEY("user_id","document_id")
);
--> statement-breakpoint
CREATE TABLE "document_links" (
	"id" uuid PRIMARY KEY NOT NULL,
	"from_kind" text NOT NULL,
	"from_id" uuid NOT NULL,
	"to_kind" text NOT NULL,
	"to_id" uuid NOT NULL,
	"relation" text NOT NULL,
	"note" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone,
	"removed_by" uuid
);
--> statement-breakpoint
DROP INDEX "registers_unit_kind_year_key";--> statement-breakpoint
ALTER TABLE "incoming_documents" ADD COLUMN "delivery_id" uuid;--> statement-breakpoint
ALTER TABLE "registers" ADD COLUMN "document_type_id" uuid;--> statement-breakpoint
ALTER TABLE "approval_flows" ADD CONSTRAINT "approval_flows_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_flows" ADD CONSTRAINT "approval_flows_document_type_id_document_types_id_fk" FOREIGN KEY ("document_type_id") REFERENCES "public"."document_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_access" ADD CONSTRAINT "outgoing_access_document_id_outgoing_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."outgoing_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_access" ADD CONSTRAINT "outgoing_access_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_documents" ADD CONSTRAINT "outgoing_documents_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_documents" ADD CONSTRAINT "outgoing_documents_document_type_id_document_types_id_fk" FOREIGN KEY ("document_type_id") REFERENCES "public"."document_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_documents" ADD CONSTRAINT "outgoing_documents_signer_id_users_id_fk" FOREIGN KEY ("signer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_documents" ADD CONSTRAINT "outgoing_documents_flow_id_approval_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."approval_flows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_documents" ADD CONSTRAINT "outgoing_documents_register_id_registers_id_fk" FOREIGN KEY ("register_id") REFERENCES "public"."registers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_documents" ADD CONSTRAINT "outgoing_documents_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_documents" ADD CONSTRAINT "outgoing_documents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_reviews" ADD CONSTRAINT "outgoing_reviews_document_id_outgoing_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."outgoing_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_reviews" ADD CONSTRAINT "outgoing_reviews_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_steps" ADD CONSTRAINT "outgoing_steps_document_id_outgoing_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."outgoing_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_steps" ADD CONSTRAINT "outgoing_steps_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_steps" ADD CONSTRAINT "outgoing_steps_on_behalf_of_id_users_id_fk" FOREIGN KEY ("on_behalf_of_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_versions" ADD CONSTRAINT "outgoing_versions_document_id_outgoing_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."outgoing_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_versions" ADD CONSTRAINT "outgoing_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_events" ADD CONSTRAINT "delivery_events_delivery_id_document_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."document_deliveries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_deliveries" ADD CONSTRAINT "document_deliveries_outgoing_id_outgoing_documents_id_fk" FOREIGN KEY ("outgoing_id") REFERENCES "public"."outgoing_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_deliveries" ADD CONSTRAINT "document_deliveries_sender_unit_id_units_id_fk" FOREIGN KEY ("sender_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_deliveries" ADD CONSTRAINT "document_deliveries_recipient_unit_id_units_id_fk" FOREIGN KEY ("recipient_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_documents" ADD CONSTRAINT "internal_documents_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_documents" ADD CONSTRAINT "internal_documents_document_type_id_document_types_id_fk" FOREIGN KEY ("document_type_id") REFERENCES "public"."document_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_documents" ADD CONSTRAINT "internal_documents_register_id_registers_id_fk" FOREIGN KEY ("register_id") REFERENCES "public"."registers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_documents" ADD CONSTRAINT "internal_documents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_numbering" ADD CONSTRAINT "internal_numbering_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_numbering" ADD CONSTRAINT "internal_numbering_document_type_id_document_types_id_fk" FOREIGN KEY ("document_type_id") REFERENCES "public"."document_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_numbering" ADD CONSTRAINT "internal_numbering_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_recipients" ADD CONSTRAINT "internal_recipients_document_id_internal_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."internal_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_recipients" ADD CONSTRAINT "internal_recipients_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archived_documents" ADD CONSTRAINT "archived_documents_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archived_documents" ADD CONSTRAINT "archived_documents_document_type_id_document_types_id_fk" FOREIGN KEY ("document_type_id") REFERENCES "public"."document_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archived_documents" ADD CONSTRAINT "archived_documents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archived_uses" ADD CONSTRAINT "archived_uses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archived_uses" ADD CONSTRAINT "archived_uses_document_id_archived_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."archived_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_links" ADD CONSTRAINT "document_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_links" ADD CONSTRAINT "document_links_removed_by_users_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "approval_flows_unit_idx" ON "approval_flows" USING btree ("unit_id","document_type_id");--> statement-breakpoint
CREATE INDEX "outgoing_access_document_idx" ON "outgoing_access" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "outgoing_access_unseen_idx" ON "outgoing_access" USING btree ("user_id") WHERE "outgoing_access"."seen_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "outgoing_register_number_key" ON "outgoing_documents" USING btree ("register_id","code_number");--> statement-breakpoint
CREATE INDEX "outgoing_unit_status_idx" ON "outgoing_documents" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "outgoing_unit_issued_idx" ON "outgoing_documents" USING btree ("unit_id","issued_at" DESC);--> statement-breakpoint
CREATE INDEX "outgoing_created_by_idx" ON "outgoing_documents" USING btree ("created_by","updated_at" DESC);--> statement-breakpoint
CREATE INDEX "outgoing_unit_path_idx" ON "outgoing_documents" USING btree ("unit_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "outgoing_code_idx" ON "outgoing_documents" USING btree ("code_key");--> statement-breakpoint
CREATE INDEX "outgoing_subject_search_idx" ON "outgoing_documents" USING gin ("subject_search");--> statement-breakpoint
CREATE INDEX "outgoing_reviews_user_idx" ON "outgoing_reviews" USING btree ("user_id","state");--> statement-breakpoint
CREATE INDEX "outgoing_reviews_document_idx" ON "outgoing_reviews" USING btree ("document_id","round","step_index");--> statement-breakpoint
CREATE INDEX "outgoing_steps_document_idx" ON "outgoing_steps" USING btree ("document_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "outgoing_versions_number_key" ON "outgoing_versions" USING btree ("document_id","number");--> statement-breakpoint
CREATE INDEX "delivery_events_delivery_idx" ON "delivery_events" USING btree ("delivery_id","at");--> statement-breakpoint
CREATE INDEX "deliveries_outgoing_idx" ON "document_deliveries" USING btree ("outgoing_id");--> statement-breakpoint
CREATE INDEX "deliveries_recipient_idx" ON "document_deliveries" USING btree ("recipient_unit_id","status");--> statement-breakpoint
CREATE INDEX "deliveries_incoming_idx" ON "document_deliveries" USING btree ("incoming_id");--> statement-breakpoint
CREATE INDEX "deliveries_waiting_idx" ON "document_deliveries" USING btree ("sender_unit_id","sent_at") WHERE "document_deliveries"."kind" = 'unit' AND "document_deliveries"."status" = 'arrived';--> statement-breakpoint
CREATE UNIQUE INDEX "internal_register_number_key" ON "internal_documents" USING btree ("register_id","number");--> statement-breakpoint
CREATE INDEX "internal_unit_date_idx" ON "internal_documents" USING btree ("unit_id","issued_date" DESC);--> statement-breakpoint
CREATE INDEX "internal_subject_search_idx" ON "internal_documents" USING gin ("subject_search");--> statement-breakpoint
CREATE INDEX "internal_recipients_document_idx" ON "internal_recipients" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "archived_unit_idx" ON "archived_documents" USING btree ("unit_id","created_at" DESC);--> statement-breakpoint
CREATE INDEX "archived_unit_path_idx" ON "archived_documents" USING btree ("unit_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "archived_code_idx" ON "archived_documents" USING btree ("code_key");--> statement-breakpoint
CREATE INDEX "archived_subject_search_idx" ON "archived_documents" USING gin ("subject_search");--> statement-breakpoint
CREATE INDEX "document_links_from_idx" ON "document_links" USING btree ("from_kind","from_id");--> statement-breakpoint
CREATE INDEX "document_links_to_idx" ON "document_links" USING btree ("to_kind","to_id");--> statement-breakpoint
ALTER TABLE "registers" ADD CONSTRAINT "registers_document_type_id_document_types_id_fk" FOREIGN KEY ("document_type_id") REFERENCES "public"."document_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registers" ADD CONSTRAINT "registers_unit_kind_year_key" UNIQUE NULLS NOT DISTINCT("unit_id","kind","year","secret","document_type_id");
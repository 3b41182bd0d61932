CREATE TABLE "incoming_access" (
	"document_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"seen_at" timestamp with time zone,
	CONSTRAINT "incoming_access_user_id_document_id_pk" PRIMARY KEY("user_id","document_id")
);
--> statement-breakpoint
CREATE TABLE "incoming_assignments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"document_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"due_date" date,
	"progress" integer DEFAULT 0 NOT NULL,
	"result" text,
	"assigned_by" uuid,
	"parent_id" uuid,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incoming_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_path" text NOT NULL,
	"register_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"arrival_number" integer NOT NULL,
	"arrival_at" timestamp with time zone NOT NULL,
	"issuing_organ_id" uuid,
	"issuing_organ_name" text NOT NULL,
	"document_type_id" uuid NOT NULL,
	"code_number" text,
	"code_notation" text,
	"code_key" text,
	"issued_date" date,
	"signer" text,
	"subject" text NOT NULL,
	"subject_search" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, f_unaccent(lower(subject)))) STORED NOT NULL,
	"page_count" integer,
	"confidentiality_code" text,
	"confidential" boolean DEFAULT false NOT NULL,
	"urgency_code" text,
	"urgency_rank" integer DEFAULT 0 NOT NULL,
	"pin_rank" integer DEFAULT 0 NOT NULL,
	"field_id" uuid,
	"due_date" date,
	"notes" text,
	"status" text DEFAULT 'new' NOT NULL,
	"direction" text,
	"directed_by" uuid,
	"directed_at" timestamp with time zone,
	"lead_user_id" uuid,
	"result" text,
	"reply_code" text,
	"completed_at" timestamp with time zone,
	"cancel_reason" text,
	"return_reason" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incoming_opinion_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"document_id" uuid NOT NULL,
	"asked_by" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"question" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "incoming_opinions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"document_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"on_behalf_of_id" uuid,
	"body" text NOT NULL,
	"request_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incoming_steps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"document_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid NOT NULL,
	"on_behalf_of_id" uuid,
	"action" text NOT NULL,
	"comment" text,
	"targets" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"secret" boolean DEFAULT false NOT NULL,
	"name" text NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_type" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"added_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sha256" text NOT NULL,
	"name" text NOT NULL,
	"ext" text NOT NULL,
	"mime" text NOT NULL,
	"size" bigint NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "outbox_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"user_id" uuid,
	"address" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "incoming_access" ADD CONSTRAINT "incoming_access_document_id_incoming_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."incoming_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_access" ADD CONSTRAINT "incoming_access_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_assignments" ADD CONSTRAINT "incoming_assignments_document_id_incoming_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."incoming_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_assignments" ADD CONSTRAINT "incoming_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_assignments" ADD CONSTRAINT "incoming_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_documents" ADD CONSTRAINT "incoming_documents_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_documents" ADD CONSTRAINT "incoming_documents_register_id_registers_id_fk" FOREIGN KEY ("register_id") REFERENCES "public"."registers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_documents" ADD CONSTRAINT "incoming_documents_issuing_organ_id_issuing_organs_id_fk" FOREIGN KEY ("issuing_organ_id") REFERENCES "public"."issuing_organs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_documents" ADD CONSTRAINT "incoming_documents_document_type_id_document_types_id_fk" FOREIGN KEY ("document_type_id") REFERENCES "public"."document_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_documents" ADD CONSTRAINT "incoming_documents_directed_by_users_id_fk" FOREIGN KEY ("directed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_documents" ADD CONSTRAINT "incoming_documents_lead_user_id_users_id_fk" FOREIGN KEY ("lead_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_documents" ADD CONSTRAINT "incoming_documents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_opinion_requests" ADD CONSTRAINT "incoming_opinion_requests_document_id_incoming_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."incoming_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_opinion_requests" ADD CONSTRAINT "incoming_opinion_requests_asked_by_users_id_fk" FOREIGN KEY ("asked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_opinion_requests" ADD CONSTRAINT "incoming_opinion_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_opinions" ADD CONSTRAINT "incoming_opinions_document_id_incoming_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."incoming_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_opinions" ADD CONSTRAINT "incoming_opinions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_opinions" ADD CONSTRAINT "incoming_opinions_on_behalf_of_id_users_id_fk" FOREIGN KEY ("on_behalf_of_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_steps" ADD CONSTRAINT "incoming_steps_document_id_incoming_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."incoming_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_steps" ADD CONSTRAINT "incoming_steps_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_steps" ADD CONSTRAINT "incoming_steps_on_behalf_of_id_users_id_fk" FOREIGN KEY ("on_behalf_of_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registers" ADD CONSTRAINT "registers_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incoming_access_document_idx" ON "incoming_access" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "incoming_access_unseen_idx" ON "incoming_access" USING btree ("user_id") WHERE "incoming_access"."seen_at" IS NULL;--> statement-breakpoint
CREATE INDEX "incoming_assignments_user_idx" ON "incoming_assignments" USING btree ("user_id","state","role");--> statement-breakpoint
CREATE INDEX "incoming_assignments_document_idx" ON "incoming_assignments" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "incoming_assignments_open_due_idx" ON "incoming_assignments" USING btree ("due_date") WHERE "incoming_assignments"."state" IN ('pending','in_progress') AND "incoming_assignments"."role" IN ('lead','co');--> statement-breakpoint
CREATE UNIQUE INDEX "incoming_register_number_key" ON "incoming_documents" USING btree ("register_id","arrival_number");--> statement-breakpoint
CREATE INDEX "incoming_priority_idx" ON "incoming_documents" USING btree ("pin_rank" DESC,"arrival_at" DESC,"id");--> statement-breakpoint
CREATE INDEX "incoming_unit_arrival_idx" ON "incoming_documents" USING btree ("unit_id","arrival_at" DESC);--> statement-breakpoint
CREATE INDEX "incoming_unit_status_idx" ON "incoming_documents" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "incoming_arrival_idx" ON "incoming_documents" USING btree ("arrival_at" DESC);--> statement-breakpoint
CREATE INDEX "incoming_code_idx" ON "incoming_documents" USING btree ("code_key");--> statement-breakpoint
CREATE INDEX "incoming_organ_idx" ON "incoming_documents" USING btree ("issuing_organ_id");--> statement-breakpoint
CREATE INDEX "incoming_subject_search_idx" ON "incoming_documents" USING gin ("subject_search");--> statement-breakpoint
CREATE INDEX "incoming_open_due_idx" ON "incoming_documents" USING btree ("due_date") WHERE "incoming_documents"."status" = 'in_progress';--> statement-breakpoint
CREATE INDEX "incoming_opinion_requests_document_idx" ON "incoming_opinion_requests" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "incoming_opinion_requests_open_idx" ON "incoming_opinion_requests" USING btree ("user_id") WHERE "incoming_opinion_requests"."answered_at" IS NULL;--> statement-breakpoint
CREATE INDEX "incoming_opinions_document_idx" ON "incoming_opinions" USING btree ("document_id","created_at");--> statement-breakpoint
CREATE INDEX "incoming_steps_document_idx" ON "incoming_steps" USING btree ("document_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "registers_unit_kind_year_key" ON "registers" USING btree ("unit_id","kind","year","secret");--> statement-breakpoint
CREATE INDEX "attachments_owner_idx" ON "attachments" USING btree ("owner_type","owner_id");--> statement-breakpoint
CREATE INDEX "attachments_file_idx" ON "attachments" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "files_sha256_idx" ON "files" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "files_uploader_idx" ON "files" USING btree ("uploaded_by","created_at");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("user_id") WHERE "notifications"."read_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_key" ON "notifications" USING btree ("user_id","dedupe_key") WHERE "notifications"."dedupe_key" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox_messages" USING btree ("channel","created_at") WHERE "outbox_messages"."status" = 'pending';
-- CreateEnum
CREATE TYPE "ConsentDecision" AS ENUM ('GRANTED', 'REFUSED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ConsentForm" AS ENUM ('PAPER', 'ELECTRONIC');

-- CreateEnum
CREATE TYPE "DeliveryFrequency" AS ENUM ('IMMEDIATE', 'DAILY', 'WEEKLY', 'PAPER_ONLY');

-- CreateEnum
CREATE TYPE "MessageKind" AS ENUM ('MARK', 'FINAL_MARK', 'EXAM_RESULT', 'SUBSTITUTION', 'CANCELLED_LESSON', 'HOMEWORK', 'RECOMMENDATION', 'FORECAST', 'CONTACT_CODE', 'DIGEST');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SKIPPED');

-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "removedByUserId" UUID;

-- CreateTable
CREATE TABLE "ConsentText" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "bodySha256" TEXT NOT NULL,
    "validFrom" TIMESTAMPTZ(3) NOT NULL,
    "createdByUserId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsentText_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "ConsentEvent" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "guardianId" UUID NOT NULL,
    "studentId" UUID NOT NULL,
    "textId" UUID NOT NULL,
    "decision" "ConsentDecision" NOT NULL,
    "form" "ConsentForm" NOT NULL,
    "documentNumber" TEXT,
    "documentDate" DATE,
    "scanFileName" TEXT,
    "scanMimeType" TEXT,
    "scanData" BYTEA,
    "recordedByUserId" UUID,
    "ip" TEXT,
    "userAgent" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsentEvent_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "ContactConfirmation" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "confirmedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContactConfirmation_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "DeliveryPreference" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "guardianId" UUID NOT NULL,
    "email" BOOLEAN NOT NULL DEFAULT true,
    "sms" BOOLEAN NOT NULL DEFAULT false,
    "push" BOOLEAN NOT NULL DEFAULT true,
    "frequency" "DeliveryFrequency" NOT NULL DEFAULT 'IMMEDIATE',
    "kinds" "MessageKind"[],
    "quietFrom" INTEGER NOT NULL DEFAULT 1260,
    "quietTo" INTEGER NOT NULL DEFAULT 480,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DeliveryPreference_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "PushSubscription" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "endpoint" TEXT NOT NULL,
    "p256dh" TEXT NOT NULL,
    "auth" TEXT NOT NULL,
    "userAgent" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMPTZ(3),
    "removedAt" TIMESTAMPTZ(3),

    CONSTRAINT "PushSubscription_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "kind" "MessageKind" NOT NULL,
    "eventKey" TEXT NOT NULL,
    "guardianId" UUID,
    "studentId" UUID,
    "channel" "ContactChannel" NOT NULL,
    "address" TEXT NOT NULL,
    "subject" TEXT,
    "body" TEXT NOT NULL,
    "url" TEXT,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "notBefore" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "DeliveryAttempt" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "messageId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ok" BOOLEAN NOT NULL,
    "response" TEXT,
    "error" TEXT,
    "durationMs" INTEGER NOT NULL,

    CONSTRAINT "DeliveryAttempt_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ConsentText_schoolId_version_key" ON "ConsentText"("schoolId", "version");

-- CreateIndex
CREATE INDEX "ConsentEvent_schoolId_studentId_guardianId_at_idx" ON "ConsentEvent"("schoolId", "studentId", "guardianId", "at");

-- CreateIndex
CREATE INDEX "ConsentEvent_schoolId_guardianId_at_idx" ON "ConsentEvent"("schoolId", "guardianId", "at");

-- CreateIndex
CREATE INDEX "ContactConfirmation_schoolId_contactId_idx" ON "ContactConfirmation"("schoolId", "contactId");

-- CreateIndex
CREATE UNIQUE INDEX "DeliveryPreference_schoolId_guardianId_key" ON "DeliveryPreference"("schoolId", "guardianId");

-- CreateIndex
CREATE INDEX "PushSubscription_schoolId_userId_idx" ON "PushSubscription"("schoolId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "PushSubscription_schoolId_endpoint_key" ON "PushSubscription"("schoolId", "endpoint");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_notBefore_idx" ON "OutboxMessage"("status", "notBefore");

-- CreateIndex
CREATE INDEX "OutboxMessage_schoolId_createdAt_idx" ON "OutboxMessage"("schoolId", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_schoolId_guardianId_createdAt_idx" ON "OutboxMessage"("schoolId", "guardianId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_schoolId_eventKey_channel_address_key" ON "OutboxMessage"("schoolId", "eventKey", "channel", "address");

-- CreateIndex
CREATE INDEX "DeliveryAttempt_schoolId_messageId_idx" ON "DeliveryAttempt"("schoolId", "messageId");

-- AddForeignKey
ALTER TABLE "ConsentText" ADD CONSTRAINT "ConsentText_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentEvent" ADD CONSTRAINT "ConsentEvent_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentEvent" ADD CONSTRAINT "ConsentEvent_schoolId_guardianId_fkey" FOREIGN KEY ("schoolId", "guardianId") REFERENCES "Guardian"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentEvent" ADD CONSTRAINT "ConsentEvent_schoolId_studentId_fkey" FOREIGN KEY ("schoolId", "studentId") REFERENCES "Student"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentEvent" ADD CONSTRAINT "ConsentEvent_schoolId_textId_fkey" FOREIGN KEY ("schoolId", "textId") REFERENCES "ConsentText"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactConfirmation" ADD CONSTRAINT "ContactConfirmation_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactConfirmation" ADD CONSTRAINT "ContactConfirmation_schoolId_contactId_fkey" FOREIGN KEY ("schoolId", "contactId") REFERENCES "Contact"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryPreference" ADD CONSTRAINT "DeliveryPreference_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryPreference" ADD CONSTRAINT "DeliveryPreference_schoolId_guardianId_fkey" FOREIGN KEY ("schoolId", "guardianId") REFERENCES "Guardian"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PushSubscription" ADD CONSTRAINT "PushSubscription_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryAttempt" ADD CONSTRAINT "DeliveryAttempt_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryAttempt" ADD CONSTRAINT "DeliveryAttempt_schoolId_messageId_fkey" FOREIGN KEY ("schoolId", "messageId") REFERENCES "OutboxMessage"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The history of consent decisions is append-only, as the audit history is: a decision
-- is never changed or removed; a new decision is a new row (DOMAIN.md "Consent").
CREATE OR REPLACE FUNCTION consent_event_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'ConsentEvent is append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "ConsentEvent_append_only"
  BEFORE UPDATE OR DELETE ON "ConsentEvent"
  FOR EACH ROW EXECUTE FUNCTION consent_event_append_only();

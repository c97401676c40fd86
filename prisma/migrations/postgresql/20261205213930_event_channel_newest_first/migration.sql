-- DropIndex
DROP INDEX "Event_channelId_occurredAt_idx";

-- CreateIndex
CREATE INDEX "Event_channelId_id_idx" ON "Event"("channelId", "id");

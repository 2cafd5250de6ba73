-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_schoolId_apiClientId_since_key" ON "WebhookDelivery"("schoolId", "apiClientId", "since");

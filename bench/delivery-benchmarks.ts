/**
 * Delivery benchmark (issue 6): fan-out of 10,000 e-mail messages through the outbox and
 * the worker to a local SMTP server (tests/support/peers/smtp-peer.ts), on each engine.
 * A school of its own is made for it: 10,000 children, each with a guardian who gave
 * consent and has a confirmed e-mail; one event per child is written to the outbox
 * (in transactions of 500, as producers would), then the worker sends everything.
 */
import { createHash, randomUUID } from "node:crypto";

import { enqueueAboutStudent } from "../lib/delivery/outbox";
import { createEmailSender } from "../lib/delivery/channels/email";
import { createDeliveryWorker } from "../lib/delivery/worker";
import { startSmtpPeer } from "../tests/support/peers/smtp-peer";
import type { Benchmark, BenchResult } from "./benchmarks";
import { round, withPeakRss } from "./measure";

const N = 10_000;
const CHUNK = 500;

export function deliveryBenchmarks(): Benchmark[] {
  const fanout: Benchmark = {
    name: "delivery-fanout",
    byDefault: false,
    description: "рассылка 10 000 писем через очередь и обработчик на локальный SMTP-сервер (сообщений в секунду)",
    async run(db): Promise<BenchResult[]> {
      const d = db.db;
      const school = await d.school.create({ data: { name: "Школа рассылки", shortName: "ШР", address: "—", region: "—", timeZone: "Asia/Yekaterinburg" } });
      const schoolId = school.id;
      const body = "Согласие на обработку персональных данных.";
      const text = await d.consentText.create({ data: { schoolId, version: 1, title: "Согласие", purpose: "дневник", body, bodySha256: createHash("sha256").update(body).digest("hex"), validFrom: new Date("2020-01-01T00:00:00Z") } });
      const students = Array.from({ length: N }, (_, i) => ({ id: randomUUID(), i }));
      for (let k = 0; k < N; k += 2000) {
        const part = students.slice(k, k + 2000);
        await d.student.createMany({ data: part.map((s) => ({ schoolId, id: s.id, lastName: "Ученик", firstName: `№${s.i}`, birthDate: new Date("2014-05-01T00:00:00Z"), gender: "MALE", recordNumber: `D-${s.i}` })) });
        await d.guardian.createMany({ data: part.map((s) => ({ schoolId, id: s.id, lastName: "Родитель", firstName: `№${s.i}` })) });
        await d.guardianship.createMany({ data: part.map((s) => ({ schoolId, guardianId: s.id, studentId: s.id, relation: "MOTHER" as const })) });
        await d.consentEvent.createMany({ data: part.map((s) => ({ schoolId, guardianId: s.id, studentId: s.id, textId: text.id, decision: "GRANTED" as const, form: "PAPER" as const })) });
        await d.contact.createMany({ data: part.map((s) => ({ schoolId, guardianId: s.id, channel: "EMAIL" as const, value: `parent${s.i}@bench.test`, source: "WRITTEN_APPLICATION" as const })) });
      }

      const peer = await startSmtpPeer({ parse: false });
      try {
        const enqueue = await withPeakRss(async () => {
          let written = 0;
          for (let k = 0; k < N; k += CHUNK) {
            written += await d.$transaction(async (tx) => {
              let n = 0;
              for (const s of students.slice(k, k + CHUNK)) {
                n += await enqueueAboutStudent(tx, {
                  schoolId, studentId: s.id, kind: "HOMEWORK", eventKey: `bench:${s.i}`,
                  text: { subject: "Новое домашнее задание по математике", body: `№ ${s.i}: решить задачи 1–5 на с. 42.`, sms: "Новое ДЗ по математике", url: "/diary" },
                });
              }
              return n;
            }, { timeout: 120_000 });
          }
          return written;
        });
        const worker = createDeliveryWorker({
          db: d, batchSize: 500, concurrency: 8,
          senders: { EMAIL: createEmailSender({ url: peer.url, from: "Школа <school@bench.test>", connections: 8 }) },
        });
        const send = await withPeakRss(async () => {
          let sent = 0;
          for (;;) {
            const r = await worker.runOnce();
            sent += r.sent;
            if (r.claimed === 0) break;
          }
          return sent;
        });
        await worker.stop();
        const total = enqueue.ms + send.ms;
        return [
          { name: "delivery-enqueue", engine: db.engine, n: enqueue.result, unit: "rows", totalMs: round(enqueue.ms), rowsPerSecond: Math.round(enqueue.result / (enqueue.ms / 1000)), peakRssMb: enqueue.peakRssMb, notes: { perTransaction: CHUNK } },
          { name: "delivery-send", engine: db.engine, n: send.result, unit: "rows", totalMs: round(send.ms), rowsPerSecond: Math.round(send.result / (send.ms / 1000)), peakRssMb: send.peakRssMb, notes: { receivedByPeer: peer.count, batchSize: 500, concurrency: 8 } },
          { name: "delivery-fanout (всего)", engine: db.engine, n: N, unit: "rows", totalMs: round(total), rowsPerSecond: Math.round(N / (total / 1000)), peakRssMb: Math.max(enqueue.peakRssMb, send.peakRssMb), notes: { messagesPerSecond: Math.round(peer.count / (total / 1000)) } },
        ];
      } finally {
        await peer.close();
      }
    },
  };
  return [fanout];
}

import { describe, expect, it } from "vitest";

import { fitOneSms, fromUcs2, msisdn, smsCount, smsParts, toUcs2 } from "../../lib/delivery/sms-text";
import { maskAddress, maskEmail, maskPhone } from "../../lib/delivery/mask";
import { digestText, pluralRu } from "../../lib/delivery/digest";
import { submitSmBody, splitPdus, encodePdu, CMD } from "../../lib/delivery/channels/smpp-pdu";

describe("SMS length in UCS-2", () => {
  it("70 Cyrillic characters are one SMS; 71 are two parts of at most 67", () => {
    const seventy = "Ж".repeat(70);
    expect(smsParts(seventy)).toEqual([seventy]);
    expect(smsCount(`${seventy}ю`)).toBe(2);
    expect(smsParts("Я".repeat(135)).map((p) => p.length)).toEqual([67, 67, 1]);
  });

  it("an emoji (two UCS-2 units) is never cut in half", () => {
    const text = `${"ы".repeat(66)}😀${"ы".repeat(10)}`;
    const parts = smsParts(text);
    expect(parts[0]).toBe("ы".repeat(66));
    expect(parts.join("")).toBe(text);
  });

  it("fits a text into one SMS with an ellipsis", () => {
    const t = fitOneSms("Очень ".repeat(20));
    expect(t.length).toBeLessThanOrEqual(70);
    expect(t.endsWith("…")).toBe(true);
    expect(fitOneSms("  Оценка  5 ")).toBe("Оценка 5");
  });

  it("UCS-2 big-endian round trip", () => {
    expect(toUcs2("Ая").toString("hex")).toBe("0410044f");
    expect(fromUcs2(toUcs2("Привет, школа!"))).toBe("Привет, школа!");
  });

  it("Russian numbers in international form", () => {
    expect(msisdn("8 (912) 345-67-89")).toBe("79123456789");
    expect(msisdn("+7 912 345 67 89")).toBe("79123456789");
    expect(msisdn("9123456789")).toBe("79123456789");
  });
});

describe("SMPP submit_sm", () => {
  it("data_coding 8, UDH and esm_class 0x40 for a part, and the PDU splits back whole", () => {
    const body = submitSmBody({ source: "School", destination: "79123456789", message: toUcs2("Тест"), part: { ref: 7, total: 2, seq: 1 } });
    const wire = Buffer.concat([encodePdu(CMD.submit_sm, 5, body), encodePdu(CMD.enquire_link, 6).subarray(0, 10)]);
    const { pdus, rest } = splitPdus(wire);
    expect(pdus).toHaveLength(1);
    expect(pdus[0]).toMatchObject({ commandId: CMD.submit_sm, sequence: 5 });
    expect(rest.length).toBe(10);
    const tail = body.subarray(body.length - (6 + 8));
    expect(tail.subarray(0, 6).toString("hex")).toBe("050003070201");
    expect(body[body.length - 15]).toBe(14); // sm_length
    expect(body[body.length - 17]).toBe(8); // data_coding
  });
});

describe("masked addresses and digests", () => {
  it("masks phones and e-mails", () => {
    expect(maskPhone("+7 912 345-12-34")).toBe("+7 9** ***-12-34");
    expect(maskEmail("ivanova@mail.ru")).toBe("i***@mail.ru");
    expect(maskAddress("PUSH", "0196c0a4-aaaa-7bbb-8ccc-1234567890ab")).toBe("…90ab");
  });

  it("Russian plurals and the digest texts", () => {
    expect([1, 2, 5, 11, 21, 22, 25].map((n) => pluralRu(n, ["сообщение", "сообщения", "сообщений"]))).toEqual(
      ["сообщение", "сообщения", "сообщений", "сообщений", "сообщение", "сообщения", "сообщений"]);
    const items = [{ subject: "Оценка", body: "«5» по математике" }, { subject: "Домашнее задание", body: "№ 12" }];
    expect(digestText("EMAIL", items)).toEqual({
      subject: "Сводка из школы: 2 сообщения",
      body: "Здравствуйте! Новое за последнее время:\n\n1. Оценка\n   «5» по математике\n\n2. Домашнее задание\n   № 12",
    });
    expect(digestText("SMS", items).body.length).toBeLessThanOrEqual(70);
    expect(digestText("SMS", items).body).toContain("2 сообщения");
  });
});

import { describe, expect, it } from "vitest";
import { replyCard } from "../src/conversation/cards.js";
import { createGuide, loadKnowledge } from "../src/index.js";
import { FIXTURE_DIR } from "./helpers.js";

// Questions in another language: the bot says it reads English only, and keeps nothing of them.
const guide = createGuide(loadKnowledge(FIXTURE_DIR));

describe("a question in another language", () => {
  const foreign = [
    "¿Puedo aceptar una solicitud de amistad de un paciente en Facebook?",
    "Darf ich als Ärztin Patienten auf Instagram folgen?",
    "Czy mogę dodać pacjenta do znajomych na Facebooku?",
    "患者さんからの友達申請を承認してもいいですか",
    "Можно ли добавить пациента в друзья?",
  ];

  it("is declined with a reply that says the bot reads English, and nothing of it is kept or echoed", () => {
    for (const q of [...foreign, "¿Es correcto publicar fotos del hospital en Instagram?"]) {
      const reply = guide.ask(q);
      expect(reply.kind, q).toBe("no-answer");
      if (reply.kind !== "no-answer") continue;
      expect(reply.otherLanguage, q).toBe(true);
      expect(reply.question, q).toBe("");
      expect(replyCard(reply).body, q).toMatch(/only read questions in English/);
    }
  });

  it("still warns of a phone number, an address or a name in it", () => {
    const reply = guide.ask("Um paciente deixou uma avaliação negativa, ligue 07911 123456, o que faço?");
    expect(reply.kind === "no-answer" && reply.otherLanguage).toBe(true);
    expect(reply.flags).toEqual(["patient-identifiers"]);
    expect(reply.notice).toMatch(/a phone or fax number/);
    // an English question read as another language keeps its warning: what is missed cannot be undone
    const names = guide.ask("Mrs Kowalski: MI CVA PE DVT on FB, esta bien?");
    expect(names.flags).toEqual(["patient-identifiers"]);
    expect(guide.ask("¿Puedo publicar la foto de mi paciente Lucia Fernandez?").flags).toEqual([
      "patient-identifiers",
    ]);
  });

  it("does not take its ordinary words for a patient's name", () => {
    for (const q of [
      "¿Puedo aceptar una solicitud de amistad de un paciente?",
      "Posso accettare la richiesta di amicizia di un paziente?",
      // franc scores English close behind French here (0.86): few of its words are known
      "Je suis infirmière, puis-je poster un selfie à l'hôpital?",
    ]) {
      const reply = guide.ask(q);
      expect(reply.kind === "no-answer" && reply.otherLanguage, q).toBe(true);
      expect(reply.flags, q).toEqual([]);
    }
  });

  it("leaves English alone: typos, foreign names and greetings, abbreviations, quotations, links, short questions", () => {
    for (const q of [
      "should I accept a friend request from a patient?",
      "shud i acept a frend reqest from a patiant",
      "can a doctor be friends with patients on Facebook, asks Dr Papadopoulos from Thessaloniki",
      "Kia ora, can my clinic run facebook ads about our flu clinic",
      "MI CVA PE DVT AKI CKD ESRD NSTEMI on FB?",
      'A patient left a review in Arabic: "الطبيب كان وقحا جدا ولم يستمع إلي أبدا في الموعد" - how do I reply?',
      "can I share https://elpais.com/sociedad/2024/los-medicos-y-las-enfermeras-en-las-redes-sociales-de-espana-hoy.html",
      "lol omg a pt added me on fb",
      "friend request patient",
      // few words known, but too few words to tell a language by: English typed in haste
      "fb frnd req frm pt",
      // two words say too little to tell
      "bonjour docteur",
    ]) {
      const reply = guide.ask(q);
      expect(reply.kind === "no-answer" && reply.otherLanguage, q).not.toBe(true);
    }
    expect(guide.ask("should I accept a friend request from a patient?").kind).toBe("answer");
  });
});

/**
 * The words that name what this bot is about, as the analyser reads them (after synonyms: "facebook",
 * "online" and the platforms read as "socialmedia", but LinkedIn and the dating apps the entries name
 * as themselves; "tweet" as "post", "trolls" as harassment on social media): the platforms and what
 * people do on them, messages and photos, reviews, privacy law, the press, advertising and
 * misinformation (the themes of the entries' titles). Two features read
 * them anywhere in a question: `anchored`, whether it names one, and `subject`, how many. A real
 * question in scope names several; one about pay, a rota or a dose that mentions Facebook in passing
 * names one at most. Words with an everyday clinical or working sense stay out ("page" a doctor, a
 * nerve "block", medical "records", a "request", a "group", being "paid", bullying on the ward), and
 * each is one word, as a phrase's words would each count alone.
 */
export const SUBJECT_WORDS = [
  "socialmedia",
  "linkedin",
  "tinder",
  "hinge",
  "bumble",
  "platform",
  "post",
  "share",
  "follow",
  "unfollow",
  "friend",
  "retweet",
  "tag",
  "comment",
  "review",
  "message",
  "chat",
  "email",
  "text",
  "photo",
  "selfie",
  "video",
  "film",
  "screenshot",
  "upload",
  "publish",
  "viral",
  "blog",
  "account",
  "hipaa",
  "confidentiality",
  "privacy",
  "identifiable",
  "journalist",
  "media",
  "chatbot",
  "advertising",
  "testimonial",
  "endorse",
  "misinformation",
  "defamation",
  "anonymous",
  "doxxing",
];

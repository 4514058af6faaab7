/** Said after a phrasing is accepted. */
export const AFTER =
  "Accepted phrasings change the ranking: run npm run eval on every set, then socialmedia-guidance fit --write.";

/** `learn --help`. */
export const LEARN_USAGE = `Usage: socialmedia-guidance learn [--list | --accept <n> ... | --reject <n> ...]

Goes through the candidate phrasings users proposed (a picked suggestion, a 👍 on an unsure answer),
most proposed first, each with what the bot does with it today: a phrasing it already answers with
its entry adds little; one it answers with another entry, or declines, is what accepting changes (or
a sign the pick was a mistake). For each, type a (accept: add it as the last of the entry's questions in its
YAML file), r (reject), s (skip: offered again next time) or q (quit). Answers are read a line at a
time from stdin, so they can be piped; the end of input quits. An accepted phrasing is kept only if
the knowledge base still validates (else the file is restored and the candidate stays undecided).

  --list          Print the candidates, numbered, and exit
  --accept <n>    Accept candidate n of --list; repeat for more (--accept 1 --accept 3)
  --reject <n>    Reject candidate n of --list; repeat for more

Numbers refer to the list as it stands when the command starts: run --list again after deciding.
${AFTER}`;

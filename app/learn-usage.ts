/** Said after a phrasing is accepted. */
export const AFTER =
  "Accepted phrasings change which entry wins elsewhere too: run socialmedia-guidance check, which says whether quality fell and which answers changed.";

/** `learn --help`. */
export const LEARN_USAGE = `Usage: socialmedia-guidance learn [--list | --accept <n|id> ... | --reject <n|id> ...]

Goes through the candidate phrasings users proposed (a picked suggestion, a 👍 on an unsure answer),
most proposed first, each with what the bot does with it today: a phrasing it already answers with
its entry adds little; one it answers with another entry, or declines, is what accepting changes (or
a sign the pick was a mistake). For each, type a (accept: add it as the last of the entry's questions in its
YAML file), r (reject), s (skip: offered again next time) or q (quit). Answers are read a line at a
time from stdin, so they can be piped; the end of input quits. An accepted phrasing is kept only if
the knowledge base still validates (else the file is restored and the candidate stays undecided).

  --list             Print the candidates, numbered, each with its id, and exit
  --accept <n|id>    Accept candidate n (or the one with that id) of --list; repeat for more
  --reject <n|id>    Reject candidate n (or the one with that id) of --list; repeat for more

Numbers refer to the list as it stands when the command starts, and move while the bot runs (people
propose phrasings, counts change the order); an id never does: use ids unless you decide at once.
${AFTER}`;

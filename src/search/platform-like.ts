/**
 * "Like" as the platform's button or action ("liking a post", "hit like"), which the analyser (see
 * analyse.ts) keeps as a term, rather than the everyday stop word ("feel like", "I'd like to").
 */
import type { Word } from "./analyse.js";

/** What one likes on a platform: "like the post", "like his tweet". */
const LIKED_THINGS = new Set(
  "post posts comment comments tweet tweets photo photos picture pictures pic pics page pages status statuses video videos reel reels story stories update updates thread threads meme memes".split(
    " ",
  ),
);
/** Words before "like" that make it the button: "a like", "hit like", "click like". */
const BEFORE_LIKE = new Set(
  "a the one no any my your his her their click clicks clicking clicked hit hits hitting press pressing pressed give giving gave leave leaving left".split(
    " ",
  ),
);
/** Words before "like" that make it a comparison, whatever follows: "looks like the post was deleted". */
const LIKE_COMPARES = new Set(
  "look looks looked looking feel feels felt feeling seem seems seemed sound sounds sounded something anything things stuff just more much".split(
    " ",
  ),
);

/** The forms of "like" that may be the platform's action rather than a stop word. */
export const LIKE_FORMS: ReadonlySet<string> = new Set(["like", "liked", "liking", "likes"]);

/**
 * Whether the "like" form at `i` is meant in its platform sense ("liking a post", "is a like a problem",
 * "hit like"), a subject of the knowledge, rather than the everyday stop word ("feel like", "I'd like
 * to"). "liked", "liking" and "likes" are, unless "to" follows ("she likes to post"); "like" is when
 * the button or a liked thing is next to it.
 */
export function isPlatformLike(words: readonly Word[], i: number): boolean {
  const next = words[i + 1]?.word ?? "";
  if (words[i]?.word !== "like") return next !== "to";
  const before = words[i - 1]?.word ?? "";
  if (LIKE_COMPARES.has(before)) return false;
  return BEFORE_LIKE.has(before) || LIKED_THINGS.has(next) || LIKED_THINGS.has(words[i + 2]?.word ?? "");
}

/**
 * Words that carry no meaning for matching: English function words and the boilerplate of a
 * question ("how do I", "can I", "what should", "please tell me"), chat's shorthand for a laugh, a
 * shrug or thanks ("lol", "tbh", "tia"), interjections ("oh no", "ugh", "yikes"), contractions typed
 * without their apostrophe ("didnt", "theyre", as "dont" and "cant" always were), asking whether one
 * is overreacting, and the words a message opens with to address someone ("hey bot", "Dear
 * Sir/Madam", "got a sec?"). Domain words stay; a stop word goes by its stem, so none may share one
 * with a word of the knowledge ("whoops" is stemmed as "whooping" cough is, "aw" as "awful").
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again all also am an and any anyone anything are as ask asking at be been before
  being below between both but by can cant could did do does doing done dont else etc ever for from
  get gets getting give go going got had has have having he her here hers him his how however i if im
  in into is isnt it its ive just know let like me might mine more most much must my myself need
  needs no nor now of off ok okay on once one only or other our ours ourselves out over own please
  pls plz really regarding said say says she should shouldnt so some someone something still such
  tell than thank thanks that the their theirs them then there these they thing things this those
  thx to too try trying u under until up us very want wants was way ways we well were what whats
  when where whether which while who whom whose why will with within without wont would wouldnt
  yes yet you your yours yourself actually always basically generally keep keeping kept make making
  stay staying stayed use using used help helps helping
  took take taken sent told two three first second last next same even each every many seem seems
  seemed feel felt think thought thoughts today yesterday recently lot lots bit little quite sure though
  although because since anyway maybe perhaps probably definitely guess wondering wonder appreciate
  advance hi hello hey guys everyone anybody somebody question questions query queries issue issues
  problem problems situation scenario info
  lol lmao haha tbh tia idk ngl imo imho fwiw smh omg btw ty xx xxx
  n bout abt smb sb shud wat wot kindly
  bot dear sir madam folks yall sec gonna wanna gotta grateful ought thru smth sth
  prolly probs fyi iirc afaik ofc obvs tbf lmk hmu coz cuz tho asap ikr jk lowkey highkey
  oh ohh ah ahh uh um umm hmm hm ugh argh oops yikes eek wow yay oof welp eh huh damn dang jeez geez
  gosh omfg aww
  didnt doesnt hasnt havent hadnt wasnt werent arent couldnt youre theyre youve theyve weve hes shes
  hed dunno aibu overreacting overthinking`.split(/\s+/),
);

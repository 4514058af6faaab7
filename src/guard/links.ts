import { CARE_CONTEXT } from "./name-words.js";

/**
 * Government, health-service, university and international sites, and the regulators, defence
 * organisations and journals doctors and nurses cite (every site the knowledge's sources are on among
 * them): a link to guidance or a paper is not a patient's web address.
 */
const PUBLIC_HOSTS =
  /(?:^|\.)(?:[a-z0-9-]+\.)*(?:gov|gov\.[a-z]{2}|nhs\.uk|nhs\.net|int|edu|ac\.uk|edu\.au|gmc-uk\.org|bma\.org\.uk|ama-assn\.org|fsmb\.org|acponline\.org|ahpra\.gov\.au|cma\.ca|cmpa-acpm\.ca|cpso\.on\.ca|cpsbc\.ca|nice\.org\.uk|nmc\.org\.uk|hcpc-uk\.org|rcn\.org\.uk|ncsbn\.org|nursingworld\.org|cno\.org|cna-aiic\.ca|themdu\.com|mddus\.com|medicalprotection\.org|asa\.org\.uk|ico\.org\.uk|lmc\.org\.uk|annals\.org|springer\.com|bmj\.com|thelancet\.com|nejm\.org|jamanetwork\.com|nature\.com|cochranelibrary\.com|pubmed\.ncbi\.nlm\.nih\.gov|doi\.org)$/i;

/** News outlets: an article about a public case is public already. */
const NEWS_HOSTS =
  /(?:^|\.)(?:bbc\.co\.uk|bbc\.com|theguardian\.com|nytimes\.com|washingtonpost\.com|wsj\.com|ft\.com|economist\.com|reuters\.com|apnews\.com|npr\.org|cnn\.com|nbcnews\.com|cbsnews\.com|abcnews\.go\.com|foxnews\.com|usatoday\.com|latimes\.com|bloomberg\.com|time\.com|newsweek\.com|politico\.com|axios\.com|theatlantic\.com|vox\.com|huffpost\.com|statnews\.com|medscape\.com|medpagetoday\.com|fiercehealthcare\.com|pulsetoday\.co\.uk|hsj\.co\.uk|independent\.co\.uk|telegraph\.co\.uk|thetimes\.co\.uk|thetimes\.com|dailymail\.co\.uk|mirror\.co\.uk|thesun\.co\.uk|news\.sky\.com|itv\.com|channel4\.com|abc\.net\.au|smh\.com\.au|theage\.com\.au|news\.com\.au|cbc\.ca|ctvnews\.ca|globalnews\.ca|theglobeandmail\.com|thestar\.com|nzherald\.co\.nz|stuff\.co\.nz|rnz\.co\.nz|rte\.ie|irishtimes\.com|independent\.ie|aljazeera\.com|dw\.com|france24\.com|euronews\.com)$/i;

/** Sites where a page is a person's own: their path names someone, whatever it says. */
const PERSONAL_HOSTS =
  /(?:^|\.)(?:facebook|fb|instagram|tiktok|twitter|x|youtube|youtu|linkedin|reddit|snapchat|threads|bsky|mastodon|tumblr|pinterest|medium|substack|wordpress|blogspot|gofundme|justgiving|onlyfans|patreon)\.[a-z.]+$/i;

function hostOf(url: string): string {
  return (
    url
      .replace(/^https?:\/\//i, "")
      .split(/[/?#:]/)[0]
      ?.toLowerCase() ?? ""
  );
}

/**
 * A link that names no patient: guidance, a paper, or a news article (a news outlet, or a /news/ path
 * outside the social sites), unless the question ties the article to the asker's care ("my patient").
 */
export function publicLink(url: string, text: string): boolean {
  const host = hostOf(url);
  if (PUBLIC_HOSTS.test(host)) return true;
  const news =
    NEWS_HOSTS.test(host) ||
    (!PERSONAL_HOSTS.test(host) && /^[^/]+\/news\//i.test(url.replace(/^https?:\/\//i, "")));
  return news && !CARE_CONTEXT.test(text);
}

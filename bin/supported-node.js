// Which Node.js the command runs on, checked before anything else loads: an older Node gets a sentence
// saying what to do, not a SyntaxError about a module export it lacks.

/** The oldest Node.js the command runs on, as package.json's "engines" says. */
export const OLDEST_NODE = "22.12";

/** What to tell someone running Node.js `version` (process.versions.node); undefined when it will do. */
export function unsupportedNode(version) {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  const [oldestMajor = 0, oldestMinor = 0] = OLDEST_NODE.split(".").map(Number);
  if (major > oldestMajor || (major === oldestMajor && minor >= oldestMinor)) return undefined;
  return (
    `socialmedia-guidance needs Node.js ${OLDEST_NODE} or later, and this is Node.js ${version}. ` +
    `Install Node.js 24 LTS (the README's "Set up and run" shows how, without a version manager), then run it again.`
  );
}

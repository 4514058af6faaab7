/** The slash command, as the manifest registers it. */
export const SLASH_COMMAND = "/socialmedia-guidance";

/**
 * The words that notify a whole channel when typed after "@" (Slack, Mattermost, Discord, Teams): no
 * one's handle, and no word of a question. Read by normalise and by the guard's handle rule alike.
 */
export const PING_WORDS = "channel|here|everyone|all";

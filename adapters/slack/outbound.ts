// Slack's calls (Web API, response_url) go through the fetch shared by the HTTP platforms' adapters.
export { Outbound, OutboundBusy, type OutboundLimits } from "../http/outbound.js";

/** The oldest Node.js the command runs on, as package.json's "engines" says. */
export declare const OLDEST_NODE: string;
/** What to tell someone running Node.js `version` (process.versions.node); undefined when it will do. */
export declare function unsupportedNode(version: string): string | undefined;

const src = (await import("node:fs")).readFileSync("/work/main/dist/src/search/at-risk.js", "utf8");
const m = await import("/work/main/dist/src/search/at-risk.js");
// measure by constructing same regex via a fresh module instance is hard; instead time first real use after a long-subject warm-up
const t0 = performance.now();
m.reportsRisk("She messaged me. " + " ".repeat(1100) + " x.");
const t1 = performance.now();
m.reportsRisk("A patient messaged me on Facebook that she is sad. What do I do?");
const t2 = performance.now();
console.log("long-subject first", (t1 - t0).toFixed(2), "then short", (t2 - t1).toFixed(2));

/** What the bot says when a question looked like it held patient details, leading into the answer if one follows. */
export function identifierNotice(labels: readonly string[], answered: boolean): string {
  // a label may hold commas of its own ("a record, account, insurance or other ID number"): then, or
  // with three or more, semicolons keep them apart
  const apart = labels.length > 2 || labels.some((l) => l.includes(","));
  const what =
    labels.length > 1
      ? `${labels.slice(0, -1).join(apart ? "; " : ", ")}${apart ? ";" : ""} and ${labels.at(-1)}`
      : (labels[0] ?? "");
  return (
    `Your question looked like it contained patient details (${what}), so I have not repeated it, logged it or stored it. ` +
    "Details like these can identify a patient even without a name: HIPAA's Safe Harbor standard lists 18 kinds of identifier, " +
    "and the GMC warns that small details add up. Please leave them out when you ask here, and share identifiable " +
    `information only with the patient's explicit consent.${answered ? " Here is the general guidance:" : ""}`
  );
}

/**
 * Every test file runs in the run's own empty temporary folder, not the checkout: the bot reads `.env`
 * and puts its default database (`./data`) in the folder it runs in, so a developer's `.env` (with real
 * tokens, as the README sets it up) would otherwise be loaded by the tests that run the command line,
 * in this process and in the children they start, and could send test traffic to a real platform.
 */
const root = process.env.SMG_TEST_TMP;
if (!root) throw new Error("tests/global-setup.ts sets SMG_TEST_TMP before any test file runs");
process.chdir(root);

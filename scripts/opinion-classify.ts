// `npm run -s opinion:classify -- --task sentiment|toxicity`: one text a line on stdin, one label a line
// on stdout (0 negative, 1 neutral, 2 positive; 0 clean, 1 offensive, 2 hate); the rest to stderr.
import { runClassifyCommand } from "@loa-phuong/bot-server/opinion";

try {
  await runClassifyCommand(process.argv.slice(2), {
    input: process.stdin,
    output: process.stdout,
    log: (line) => process.stderr.write(`${line}\n`),
  });
} catch (error) {
  process.stderr.write(`opinion:classify: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}

// `npm run opinion:train [-- --task sentiment|toxicity|all] [--seed N] [--data DIR] [--extra FILE.jsonl]`:
// trains the opinion models from the corpora in ../shared/data (read there, never copied) and writes
// bot-server/models/<task>.model.bin; progress and the dev figures go to stderr.
import { runTrainCommand } from "@loa-phuong/bot-server/opinion";

try {
  await runTrainCommand(process.argv.slice(2));
} catch (error) {
  console.error(`opinion:train: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

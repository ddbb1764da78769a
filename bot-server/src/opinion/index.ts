// Opinion intelligence: what residents' messages say (sentiment, toxicity), from models trained by
// `npm run opinion:train` and committed under bot-server/models/.

export {
  loadClassifier,
  MODELS_DIR,
  modelFileName,
  OpinionClassifier,
  type OpinionLabel,
} from "./classify.js";
export { runClassifyCommand } from "./classify-command.js";
export { type ClusterMessage, clusterMessages, type MessageCluster } from "./clusters.js";
export { scoreLabels } from "./metrics.js";
export { decodeModel, type ModelHeader } from "./model-file.js";
export { seededRandom } from "./random.js";
export { isOpinionTask, OPINION_TASKS, type OpinionTask, TASKS } from "./tasks.js";
export { withoutDiacritics } from "./train.js";
export { DEFAULT_DATA_DIR, runTrainCommand } from "./train-command.js";

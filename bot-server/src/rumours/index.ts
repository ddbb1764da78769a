export { buildClaimIndex, type Claim, type ClaimIndex } from "./claim-index.js";
export { parseClaims } from "./claims-file.js";
export {
  type ClaimScore,
  DEFAULT_MATCH_OPTIONS,
  decide,
  type Evaluation,
  evaluateMessage,
  type MatchOptions,
  type MatchResult,
  matchMessage,
} from "./match.js";
export { matchStream, type StreamedMessage } from "./match-stream.js";

// The corrections part's door: what other parts read (a story's corrections, the list for
// feeds). Appending and amending are newsroom actions (actions.ts) that only this part's pages
// call, so the door leaves them out, and importing it does not load the stories part.
export {
  insertCorrection,
  findCorrection,
  listCorrectionHistory,
  listCorrectionsForNewsroom,
  listCorrectionsOfStory,
  listCorrections,
  type Correction,
  type EditableCorrection,
  type CorrectionHistoryEntry,
  type NewCorrection,
} from './store.js'
export { correctionLabel } from './labels.js'

// The corrections part's door.
export {
  insertCorrection, appendCorrection, amendCorrection, findCorrection, listCorrectionHistory, listCorrectionsForNewsroom,
  listCorrectionsOfStory, listCorrections,
  type Correction, type EditableCorrection, type CorrectionHistoryEntry, type NewCorrection, type AppendedCorrection,
} from './store.js'
export { correctionLabel } from './labels.js'

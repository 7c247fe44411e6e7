// What a newsroom form post may hold before its own checks read it: one definition, so every
// form's route schema caps fields the same way.
import { Type, type TOptional, type TString } from '@sinclair/typebox'

/**
 * A form field as it arrives: text, or missing (read as empty). The cap only stops abuse before
 * parsing; each form checks its field's own limit and explains it (`textProblem`).
 */
export const textField = (maxLength = 20_000): TOptional<TString> => Type.Optional(Type.String({ maxLength }))

// The door of platform/mail: sending mail (SMTP or the outbox folder) and reading the outbox.
// Callers import from here, never from the files beside it.
export { createMailer } from './mailer.js'
export type { Mailer, MailerOptions, SentMail } from './mailer.js'
export type { OutgoingMail } from './message.js'
export { isMessageId } from './message.js'
export { listOutbox, readOutboxMessage } from './outbox.js'
export type { StoredMail } from './outbox.js'
export { MailDeliveryError, type MailFault } from './smtp.js'

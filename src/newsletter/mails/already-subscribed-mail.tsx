// The mail a sign-up sends to an address that is already confirmed: nothing changed, and here
// is where to change your newsletters. The page that answered the sign-up said nothing of this.
import { MailButton, P, renderMailHtml, type SignupMail } from './frame.js'

/** What the "already subscribed" mail says. */
export interface AlreadySubscribedMailInput {
  siteName: string
  publicUrl: string
  preferencesUrl: string
}

/** The mail to a confirmed address that signed up again: nothing changed, and where to change it. */
export function alreadySubscribedMail(m: AlreadySubscribedMailInput): SignupMail {
  const title = 'You are already subscribed'
  const text = [
    'Hello,',
    '',
    `Someone, hopefully you, just asked to sign this address up for newsletters from ${m.siteName}. It is already subscribed, so nothing has changed.`,
    '',
    'To choose which newsletters you get, or to leave, use this link:',
    m.preferencesUrl,
    '',
    'If it was not you, you can ignore this email.',
    '',
    `${m.siteName} - ${m.publicUrl}`,
  ].join('\n')
  const html = renderMailHtml({
    title,
    siteName: m.siteName,
    publicUrl: m.publicUrl,
    children: (
      <>
        <P>
          Someone, hopefully you, just asked to sign this address up for newsletters from {m.siteName}. It is already
          subscribed, so nothing has changed.
        </P>
        <P>To choose which newsletters you get, or to leave, use this link:</P>
        <MailButton href={m.preferencesUrl}>Change your newsletters</MailButton>
        <P muted>If it was not you, you can ignore this email.</P>
      </>
    ),
  })
  return { subject: `You are already subscribed to ${m.siteName}`, text, html }
}

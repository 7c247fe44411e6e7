// The mail a sign-up sends: "confirm your subscription", with the signed link that works once,
// for CONFIRM_LINK_HOURS.
import { CONFIRM_LINK_HOURS } from '../links.js'
import { MailButton, P, listsInWords, renderMailHtml, type SignupMail } from './frame.js'

/** What the confirmation mail says. */
export interface ConfirmMailInput {
  siteName: string
  publicUrl: string
  listNames: string[]
  confirmUrl: string
}

/** The confirmation mail: the lists asked for, the link, and what happens if it was not them. */
export function confirmMail(m: ConfirmMailInput): SignupMail {
  const title = 'Please confirm your subscription'
  const lists = listsInWords(m.listNames)
  const text = [
    'Hello,',
    '',
    `Someone, hopefully you, asked to receive ${lists} from ${m.siteName} at this address.`,
    '',
    `To confirm, open this link (it works for ${CONFIRM_LINK_HOURS} hours):`,
    m.confirmUrl,
    '',
    'If it was not you, ignore this email: you will get no newsletter, and the request is deleted within a week.',
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
          Someone, hopefully you, asked to receive {lists} from {m.siteName} at this address.
        </P>
        <P>To confirm, press the button. The link works for {CONFIRM_LINK_HOURS} hours.</P>
        <MailButton href={m.confirmUrl}>Confirm my subscription</MailButton>
        <P muted>
          If it was not you, ignore this email: you will get no newsletter, and the request is deleted within a week.
        </P>
      </>
    ),
  })
  return { subject: `Confirm your subscription to ${m.siteName}`, text, html }
}

// The newsletter part's door.
export { countSubscribers } from './store.js'
export { ensureDefaultList, insertList, listNewsletterLists, findListById, type NewsletterList } from './lists.js'
export { confirmUrl, preferencesUrl, unsubscribeUrl, type LinkKeys } from './links.js'
export {
  insertCampaign,
  findCampaignById,
  listCampaigns,
  moveCampaign,
  updateCampaignDraft,
  type Campaign,
  type CampaignDraft,
} from './campaigns/store.js'
export {
  renderCampaignMail,
  renderCampaignWebVersion,
  campaignWebPath,
  type CampaignMail,
  type CampaignContent,
} from './campaigns/mail.js'
export { loadCampaignContent } from './campaigns/content.js'
export {
  SEND_CAMPAIGN_JOB,
  createSendHandler,
  queueCampaignSend,
  sendJobKey,
  type SenderDeps,
} from './sending/send-job.js'
export { skipQueuedDeliveries, recordUnsubscribe, RECIPIENT_DEFERRAL_LIMIT_MS } from './sending/outbox.js'
export { deliveryFigures, type DeliveryFigures } from './sending/figures.js'
export {
  SUBSCRIBER_STATUSES,
  CAMPAIGN_STATUSES,
  DELIVERY_STATUSES,
  type SubscriberStatus,
  type CampaignStatus,
  type DeliveryStatus,
} from './schema.js'
export { newsletterQuickJobs } from './jobs.js'
export type { NewsletterAdminDeps, NewsletterPublicDeps } from './deps.js'

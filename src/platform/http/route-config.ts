// Route facts as data (STYLE rule 16): how a route is cached, checked by one hook.
import 'fastify'

/** public: the rendered page is cached and shared; private: never stored by anyone. */
export type CachePolicy = 'public' | 'private'

declare module 'fastify' {
  interface FastifyContextConfig {
    cache?: CachePolicy
    /** 'allow' lets other sites post here (webhooks with their own secret); everything else is same-origin only. */
    crossSite?: 'allow'
  }
}

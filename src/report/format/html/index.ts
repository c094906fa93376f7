export { contentSecurityPolicy, renderHtmlSite, type ArticleSource } from './site.js'

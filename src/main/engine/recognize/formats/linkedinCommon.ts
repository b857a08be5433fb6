/**
 * What LinkedIn Page analytics downloads share: the page of a file, its dates, and the header names of each sheet
 * in the languages LinkedIn writes them (it translates headers, sheet names and file contents to the admin's UI
 * language, but keeps M/D/YYYY dates). Sources of each name: docs/export-families.md (LinkedIn).
 */
import type { FieldTable } from '../fields'
import { synonymsOf } from '../synonyms'
import { LINKEDIN_SYNONYMS, type LinkedinConcept } from './linkedinSynonyms'
import type { AccountInName, NormalizeContext } from '../types'
import { captureIn, fileAccount, type FileAccount } from './fileAccount'

/** LinkedIn names downloads "<page>_followers_<epoch ms>.xls", "<page>_content_<epoch ms>.xls", "<page>_visitors_...". */
export const linkedinAccountInName: AccountInName = captureIn(
  /^(.+?)_(?:followers|content|updates|visitors|clean)(?:_\d+)?(?:[ _-].*)?$/i
)

export function linkedinAccount(ctx: NormalizeContext): FileAccount {
  return fileAccount(ctx, 'linkedin', linkedinAccountInName)
}

/** LinkedIn dates: M/D/YYYY in native downloads (in every UI language seen), ISO after a conversion. */
export const LINKEDIN_DAY_FORMATS = ['%m/%d/%Y', '%Y-%m-%d']

const names = (concept: LinkedinConcept) => synonymsOf(LINKEDIN_SYNONYMS, concept)
const required = (concept: LinkedinConcept) => ({ names: names(concept), required: true })
const optional = (concept: LinkedinConcept) => ({ names: names(concept) })

/** "Metrics" sheet of the content workbook (pt "Métricas", es "Indicadores"): one row per day. */
export const LINKEDIN_CONTENT_FIELDS = {
  date: required('date'),
  impressionsTotal: required('impressionsTotal'),
  impressionsSponsored: optional('impressionsSponsored'),
  uniqueOrganic: optional('uniqueOrganic'),
  reactionsTotal: required('reactionsTotal'),
  commentsTotal: required('commentsTotal')
} satisfies FieldTable

/** "New followers" sheet of the followers workbook (pt "Novos seguidores", es "Nuevos seguidores"). */
export const LINKEDIN_FOLLOWERS_FIELDS = {
  date: required('date'),
  sponsored: required('sponsoredFollowers'),
  organic: required('organicFollowers'),
  total: required('totalFollowers')
} satisfies FieldTable

/** "Visitor metrics" sheet of the visitors workbook (pt "Métricas de visitantes"): one row per day. */
export const LINKEDIN_VISITORS_FIELDS = {
  date: required('date'),
  pageViews: required('pageViews'),
  uniqueVisitors: optional('uniqueVisitors')
} satisfies FieldTable

/** "All posts" sheet of the content workbook (pt "Todas as publicações", es "Todas las publicaciones"). */
export const LINKEDIN_POSTS_FIELDS = {
  title: required('postTitle'),
  link: required('postLink'),
  created: required('created'),
  type: optional('contentType'),
  impressions: required('impressions'),
  views: optional('views'),
  clicks: optional('clicks'),
  likes: optional('likes'),
  comments: optional('comments'),
  reposts: optional('reposts')
} satisfies FieldTable

/** "Posted by" names a person: dropped or hashed on request (privacy). */
export const LINKEDIN_POSTED_BY = names('postedBy')

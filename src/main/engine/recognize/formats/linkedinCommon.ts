/**
 * What LinkedIn Page analytics downloads share: the page of a file, its dates, and the header names of each sheet
 * in the languages LinkedIn writes them (it translates headers, sheet names and file contents to the admin's UI
 * language, but keeps M/D/YYYY dates). Sources of each name: docs/export-families.md (LinkedIn).
 */
import type { FieldTable } from '../fields'
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

const DATE = { names: ['Date', 'Data', 'Fecha', 'Datum'], required: true } as const

/** "Metrics" sheet of the content workbook (pt "Métricas", es "Indicadores"): one row per day. */
export const LINKEDIN_CONTENT_FIELDS = {
  date: DATE,
  impressionsTotal: {
    names: ['Impressions (total)', 'Impressões (total)', 'Impresiones (totales)', 'Impresiones (total)'],
    required: true
  },
  impressionsSponsored: {
    names: ['Impressions (sponsored)', 'Impressões (patrocinadas)', 'Impresiones (patrocinadas)']
  },
  uniqueOrganic: {
    names: ['Unique impressions (organic)', 'Impressões únicas (orgânicas)', 'Impresiones únicas (orgánicas)']
  },
  reactionsTotal: { names: ['Reactions (total)', 'Reações (total)', 'Reacciones (total)'], required: true },
  commentsTotal: {
    names: ['Comments (total)', 'Comentários (total)', 'Comentarios (totales)', 'Comentarios (total)'],
    required: true
  }
} as const satisfies FieldTable

/** "New followers" sheet of the followers workbook (pt "Novos seguidores", es "Nuevos seguidores"). */
export const LINKEDIN_FOLLOWERS_FIELDS = {
  date: DATE,
  sponsored: { names: ['Sponsored followers', 'Seguidores patrocinados'], required: true },
  organic: {
    names: ['Organic followers', 'Seguidores orgânicos', 'Seguidores generales', 'Seguidores orgánicos'],
    required: true
  },
  total: { names: ['Total followers', 'Total de seguidores'], required: true }
} as const satisfies FieldTable

/** "Visitor metrics" sheet of the visitors workbook (pt "Métricas de visitantes"): one row per day. */
export const LINKEDIN_VISITORS_FIELDS = {
  date: DATE,
  pageViews: {
    names: ['Total page views (total)', 'Total de visualizações da página (total)'],
    required: true
  },
  uniqueVisitors: { names: ['Total unique visitors (total)', 'Total de visitantes únicos (total)'] }
} as const satisfies FieldTable

/** "All posts" sheet of the content workbook (pt "Todas as publicações", es "Todas las publicaciones"). */
export const LINKEDIN_POSTS_FIELDS = {
  title: {
    names: ['Post title', 'Update title', 'Título da publicação', 'Título de la publicación'],
    required: true
  },
  link: { names: ['Post link', 'Update link', 'Link da publicação', 'Enlace de la publicación'], required: true },
  created: { names: ['Created date', 'Criação', 'Fecha de creación'], required: true },
  type: { names: ['Content Type', 'Tipo de conteúdo', 'Tipo de contenido'] },
  impressions: { names: ['Impressions', 'Impressões', 'Impresiones'], required: true },
  views: { names: ['Views (excluding off-site video views)', 'Views', 'Visualizações', 'Visualizaciones'] },
  clicks: { names: ['Clicks', 'Cliques', 'Clics'] },
  likes: { names: ['Likes', 'Reactions', 'Gostaram', 'Recomendaciones'] },
  comments: { names: ['Comments', 'Comentários', 'Comentarios'] },
  reposts: { names: ['Reposts', 'Shares', 'Compartilhamentos', 'Veces compartido'] }
} as const satisfies FieldTable

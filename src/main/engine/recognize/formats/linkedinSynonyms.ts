/**
 * LinkedIn Page analytics header names per concept and UI language (the shared shape of recognize/synonyms.ts).
 * "en" holds both generations: 2023+ first, then the older names ("Update title", "Shares"). Where each was seen:
 * docs/export-families.md (LinkedIn); names marked there as not seen are LinkedIn's natural translation.
 */
import type { Synonyms } from '../synonyms'

export const LINKEDIN_SYNONYMS = {
  date: { en: ['Date'], pt: ['Data'], es: ['Fecha'], de: ['Datum'] },
  // Metrics sheet (content workbook): one row per day.
  impressionsTotal: {
    en: ['Impressions (total)'],
    pt: ['Impressões (total)'],
    es: ['Impresiones (totales)', 'Impresiones (total)']
  },
  impressionsSponsored: {
    en: ['Impressions (sponsored)'],
    pt: ['Impressões (patrocinadas)'],
    es: ['Impresiones (patrocinadas)']
  },
  uniqueOrganic: {
    en: ['Unique impressions (organic)'],
    pt: ['Impressões únicas (orgânicas)'],
    es: ['Impresiones únicas (orgánicas)']
  },
  reactionsTotal: { en: ['Reactions (total)'], pt: ['Reações (total)'], es: ['Reacciones (total)'] },
  commentsTotal: {
    en: ['Comments (total)'],
    pt: ['Comentários (total)'],
    es: ['Comentarios (totales)', 'Comentarios (total)']
  },
  // New followers sheet (followers workbook).
  sponsoredFollowers: { en: ['Sponsored followers'], pt: ['Seguidores patrocinados'], es: ['Seguidores patrocinados'] },
  organicFollowers: {
    en: ['Organic followers'],
    pt: ['Seguidores orgânicos'],
    es: ['Seguidores generales', 'Seguidores orgánicos']
  },
  totalFollowers: { en: ['Total followers'], pt: ['Total de seguidores'], es: ['Total de seguidores'] },
  // Visitor metrics sheet (visitors workbook).
  pageViews: { en: ['Total page views (total)'], pt: ['Total de visualizações da página (total)'] },
  uniqueVisitors: { en: ['Total unique visitors (total)'], pt: ['Total de visitantes únicos (total)'] },
  // All posts sheet (content workbook).
  postTitle: { en: ['Post title', 'Update title'], pt: ['Título da publicação'], es: ['Título de la publicación'] },
  postLink: { en: ['Post link', 'Update link'], pt: ['Link da publicação'], es: ['Enlace de la publicación'] },
  created: { en: ['Created date'], pt: ['Criação'], es: ['Fecha de creación'] },
  contentType: { en: ['Content Type'], pt: ['Tipo de conteúdo'], es: ['Tipo de contenido'] },
  impressions: { en: ['Impressions'], pt: ['Impressões'], es: ['Impresiones'] },
  views: { en: ['Views (excluding off-site video views)', 'Views'], pt: ['Visualizações'], es: ['Visualizaciones'] },
  clicks: { en: ['Clicks'], pt: ['Cliques'], es: ['Clics'] },
  likes: { en: ['Likes', 'Reactions'], pt: ['Gostaram'], es: ['Recomendaciones'] },
  comments: { en: ['Comments'], pt: ['Comentários'], es: ['Comentarios'] },
  reposts: { en: ['Reposts', 'Shares'], pt: ['Compartilhamentos'], es: ['Veces compartido'] },
  postedBy: { en: ['Posted by'], pt: ['Publicada por'], es: ['Publicado por'] }
} satisfies Record<string, Synonyms>

export type LinkedinConcept = keyof typeof LINKEDIN_SYNONYMS

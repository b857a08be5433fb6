/**
 * LinkedIn Page analytics sheets in each generation and UI language documented in docs/export-families.md
 * (LinkedIn): the same synthetic page written with each header set must give the same days and posts. Native
 * downloads put a title line above the header ("Relatório agregado"); dates are M/D/YYYY in every language.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../../../../../test/support/workspace'
import { invoke } from '../../invoke'
import { databaseForTests } from '../../engine'

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-lilang-')
})
afterEach(() => t.dispose())

const importAs = (name: string, lines: string[]) =>
  invoke(t.engine, 'importFile', { path: t.file(name, lines.join('\n')), jobId: `j-${Math.random()}` })
const daily = (cols: string) =>
  databaseForTests(t.engine).all(`SELECT day::VARCHAR AS day, ${cols} FROM account_daily ORDER BY day`)

const CONTENT = [
  {
    lang: 'en',
    title: null,
    header:
      'Date,Impressions (organic),Impressions (sponsored),Impressions (total),Unique impressions (organic),Clicks (total),Reactions (total),Comments (total),Reposts (total),Engagement rate (total)'
  },
  {
    lang: 'en before 2023 (Shares)',
    title: null,
    header:
      'Date,Impressions (organic),Impressions (sponsored),Impressions (total),Unique impressions (organic),Clicks (total),Reactions (total),Comments (total),Shares (total),Engagement rate (total)'
  },
  {
    lang: 'pt',
    title: 'Relatório agregado',
    header:
      'Data,Impressões (orgânicas),Impressões (patrocinadas),Impressões (total),Impressões únicas (orgânicas),Cliques (total),Reações (total),Comentários (total),Compartilhamentos (total),Taxa de engajamento (total)'
  },
  {
    lang: 'es',
    title: 'Indicadores agregados',
    header:
      'Fecha,Impresiones (orgánicas),Impresiones (patrocinadas),Impresiones (totales),Impresiones únicas (orgánicas),Clics (totales),Reacciones (total),Comentarios (totales),Veces compartido (total),Tasa de interacción (total)'
  }
]

describe.each(CONTENT)('LinkedIn content metrics, $lang', ({ title, header }) => {
  it('impressions (total) per day; reach only on days without sponsored impressions', async () => {
    const r = await importAs('northfield-health_content_1707234567890.csv', [
      ...(title ? [title] : []),
      header,
      '2/8/2025,100,0,100,70,10,5,1,1,0.17',
      '2/9/2025,200,50,250,120,10,5,1,1,0.07'
    ])
    expect(r.recognition?.format).toBe('linkedin-content')
    expect(await daily('impressions, reach')).toEqual([
      { day: '2025-02-08', impressions: '100', reach: '70' },
      { day: '2025-02-09', impressions: '250', reach: null }
    ])
  })
})

const FOLLOWERS = [
  { lang: 'en', header: 'Date,Sponsored followers,Organic followers,Auto-invited followers,Total followers' },
  {
    lang: 'pt',
    header:
      'Data,Seguidores patrocinados,Seguidores orgânicos,Seguidores convidados automaticamente,Total de seguidores'
  },
  { lang: 'es', header: 'Fecha,Seguidores patrocinados,Seguidores generales,Total de seguidores' }
]

describe.each(FOLLOWERS)('LinkedIn new followers, $lang', ({ header }) => {
  const row = (d: string, s: number, o: number) =>
    [d, s, o, ...(header.split(',').length === 5 ? [0] : []), s + o].join(',')
  it('the day total is followers gained', async () => {
    const r = await importAs('northfield-health_followers_1707234567890.csv', [
      header,
      row('2/8/2025', 0, 4),
      row('2/9/2025', 1, 4)
    ])
    expect(r.recognition?.format).toBe('linkedin-followers')
    expect(await daily('followers_gained, followers')).toEqual([
      { day: '2025-02-08', followers_gained: '4', followers: null },
      { day: '2025-02-09', followers_gained: '5', followers: null }
    ])
  })

  it('a negative day total (LinkedIn nets unfollows in) is loaded as written and named in a warning', async () => {
    const r = await importAs('northfield-health_followers_1707234567890.csv', [
      header,
      row('7/20/2026', 0, -1),
      row('7/21/2026', 0, 5)
    ])
    expect(r.recognition?.format).toBe('linkedin-followers')
    const total = header.split(',').at(-1)
    expect(r.warnings).toContain(
      `"${total}" is negative on row 1: LinkedIn nets unfollows into the day's new followers, so followers gained is net on the days that lost followers.`
    )
    expect((await daily('followers_gained')).map((d) => d.followers_gained)).toEqual(['-1', '5'])
  })
})

const VISITORS = [
  {
    lang: 'en',
    header:
      'Date,Overview page views (desktop),Overview page views (mobile),Overview page views (total),Total page views (desktop),Total page views (mobile),Total page views (total),Total unique visitors (desktop),Total unique visitors (mobile),Total unique visitors (total)'
  },
  {
    lang: 'en before 2023',
    header:
      'Date,Page Views Overview (Desktop),Page Views Overview (Mobile Devices),Page Views Overview (Total),Total Page Views (Desktop),Total Page Views (Mobile Devices),Total Page Views (Total),Total Unique Visitors (Desktop),Total Unique Visitors (Mobile Devices),Total Unique Visitors (Total)'
  },
  {
    lang: 'pt',
    header:
      'Data,Visualizações da página Visão geral (computadores),Visualizações da página Visão geral (dispositivos móveis),Visualizações da página Visão geral (total),Total de visualizações da página (computadores),Total de visualizações da página (dispositivos móveis),Total de visualizações da página (total),Total de visitantes únicos (computadores),Total de visitantes únicos (dispositivos móveis),Total de visitantes únicos (total)'
  }
]

describe.each(VISITORS)('LinkedIn visitors, $lang', ({ header }) => {
  it('total page views are the page visits of the day', async () => {
    const r = await importAs('northfield-health_visitors_1707234567890.csv', [
      header,
      '7/20/2026,1,2,3,5,10,15,3,7,10',
      '7/21/2026,0,1,1,2,2,4,1,1,2'
    ])
    expect(r.recognition?.format).toBe('linkedin-visitors')
    expect(await daily('profile_visits, reach')).toEqual([
      { day: '2026-07-20', profile_visits: '15', reach: null },
      { day: '2026-07-21', profile_visits: '4', reach: null }
    ])
  })
})

const POSTS = [
  {
    lang: 'en',
    header:
      'Post title,Post link,Post type,Campaign name,Posted by,Created date,Campaign start date,Campaign end date,Audience,Impressions,Views (excluding off-site video views),Off-site views,Clicks,Click through rate (CTR),Likes,Comments,Reposts,Follows,Engagement rate,Content Type'
  },
  {
    lang: 'en before 2023 (Update …, Shares)',
    header:
      'Update title,Update link,Update type,Campaign name,Posted by,Created date,Campaign start date,Campaign end date,Audience,Impressions,Views,Off-site views,Clicks,Click through rate (CTR),Likes,Comments,Shares,Follows,Engagement rate,Content Type'
  },
  {
    lang: 'pt',
    header:
      'Título da publicação,Link da publicação,Tipo de publicação,Nome da campanha,Publicada por,Criação,Data de início da campanha,Data de término da campanha,Público,Impressões,Visualizações,Visualizações fora do site,Cliques,Taxa de cliques (CTR),Gostaram,Comentários,Compartilhamentos,Seguidores,Taxa de engajamento,Tipo de conteúdo'
  },
  {
    lang: 'es',
    header:
      'Título de la publicación,Enlace de la publicación,Tipo de publicación,Nombre de la campaña,Publicado por,Fecha de creación,Fecha de inicio de la campaña,Fecha de finalización de la campaña,Público,Impresiones,Visualizaciones,Visualizaciones fuera del sitio,Clics,Porcentaje de clics (CTR),Recomendaciones,Comentarios,Veces compartido,Seguidores,Tasa de interacción,Tipo de contenido'
  }
]

describe.each(POSTS)('LinkedIn all posts, $lang', ({ header }) => {
  it('one post per row: id from the urn, created day, counts, interactions = likes + comments + reposts', async () => {
    const r = await importAs('northfield-health_content_1707234567890.csv', [
      'All posts',
      header,
      '"SYNTHETIC: Open day, all welcome",https://www.linkedin.com/feed/update/urn:li:activity:7123456789012345678,Organic,,A. Person,7/10/2026,,,All followers,100,20,0,10,0.1,5,1,1,0,0.07,Video',
      'SYNTHETIC: New wing,https://www.linkedin.com/feed/update/urn:li:share:7123456789012349999,Organic,,A. Person,07/31/2026,,,All followers,"1,204",0,0,3,0.01,9,2,0,0,0.01,Image'
    ])
    expect(r.recognition?.format).toBe('linkedin-posts')
    expect(r.recognition?.posts).toEqual({ new: 2, updated: 0, unchanged: 0 })
    expect(
      await databaseForTests(t.engine).all(
        `SELECT post_id, strftime(published_at AT TIME ZONE 'UTC', '%Y-%m-%d') AS day, post_type, impressions, likes, comments, shares, interactions FROM posts ORDER BY post_id`
      )
    ).toEqual([
      {
        post_id: '7123456789012345678',
        day: '2026-07-10',
        post_type: 'video',
        impressions: '100',
        likes: '5',
        comments: '1',
        shares: '1',
        interactions: '7'
      },
      {
        post_id: '7123456789012349999',
        day: '2026-07-31',
        post_type: 'image',
        impressions: '1204',
        likes: '9',
        comments: '2',
        shares: '0',
        interactions: '11'
      }
    ])
  })
})

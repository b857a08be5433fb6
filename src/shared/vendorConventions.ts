/**
 * Every vendor's engagement convention on the same data, one table per platform: how an analyst answers "why does our
 * report say 0.06% and theirs 3.8%?". Each column names the vendor's published definition and where it is written.
 */
import { csvRecord } from './csv'
import type { Platform } from './types'

export const VENDOR_COLUMNS = ['rivaliq', 'socialinsider', 'fanpagekarma', 'reach', 'impressions', 'views'] as const
export type VendorColumn = (typeof VENDOR_COLUMNS)[number]

export interface VendorConvention {
  id: VendorColumn
  label: string
  /** What the app computes, in one sentence. */
  formula: string
  /** Who publishes it, and the page that says so. */
  source: { vendor: string; title: string; url: string }
}

export const VENDOR_CONVENTIONS: Record<VendorColumn, VendorConvention> = {
  rivaliq: {
    id: 'rivaliq',
    label: 'Rival IQ',
    formula:
      'per post, engagements ÷ followers when posted; averaged over the institution’s posts; the peer row is the median across institutions (as Rival IQ’s industry benchmarks report medians of companies)',
    source: {
      vendor: 'Rival IQ',
      title:
        'Understanding Engagement Metrics (Engagement Rate by Follower = Total Engagement / Followers at the time of the post)',
      url: 'https://help.rivaliq.com/en/articles/2043672-understanding-engagement-metrics'
    }
  },
  socialinsider: {
    id: 'socialinsider',
    label: 'Socialinsider',
    formula:
      'per post, Socialinsider’s engagement for the platform ÷ followers when posted, averaged over posts: Facebook reactions + comments + shares; Instagram likes + comments (no saves); LinkedIn reactions + comments + shares + clicks; YouTube likes + comments; TikTok likes + comments + shares + saves; X likes + replies + reposts (quotes are not in the exports)',
    source: {
      vendor: 'Socialinsider',
      title: 'The Socialinsider Guide to Engagement & Engagement Rates',
      url: 'https://howto.socialinsider.io/en/articles/9329376-the-socialinsider-guide-to-engagement-engagement-rates'
    }
  },
  fanpagekarma: {
    id: 'fanpagekarma',
    label: 'Fanpage Karma',
    formula:
      'per day, the interactions of the posts published that day ÷ the fans (followers) that day; averaged over every day of the range with a follower count, days without posts counting 0',
    source: {
      vendor: 'Fanpage Karma',
      title: 'Facebook Metrics: Engagement (daily interactions ÷ fans, averaged over the days of the period)',
      url: 'https://academy.fanpagekarma.com/en/facebook-metrics/'
    }
  },
  reach: {
    id: 'reach',
    label: 'By reach',
    formula: 'per post with reach, interactions ÷ reach; averaged over those posts',
    source: {
      vendor: 'Rival IQ (private data), Brandwatch, Emplifi',
      title: 'Engagement Rate by Reach = Total Engagement / Unique Views',
      url: 'https://help.rivaliq.com/en/articles/2043672-understanding-engagement-metrics'
    }
  },
  impressions: {
    id: 'impressions',
    label: 'By impressions',
    formula: 'per post with impressions, interactions ÷ impressions; averaged over those posts',
    source: {
      vendor: 'Rival IQ (private data), X Analytics, Emplifi',
      title: 'Engagement Rate by Impression = Total Engagement / Total Impressions',
      url: 'https://help.rivaliq.com/en/articles/2043672-understanding-engagement-metrics'
    }
  },
  views: {
    id: 'views',
    label: 'By views',
    formula: 'per post with views, interactions ÷ views; averaged over those posts',
    source: {
      vendor: 'Rival IQ (TikTok), TikTok, YouTube',
      title: 'For TikTok, Engagement Rate = Total Engagement / Views',
      url: 'https://help.rivaliq.com/en/articles/2043672-understanding-engagement-metrics'
    }
  }
}

export type VendorRates = Record<VendorColumn, number | null>

export interface VendorRow extends VendorRates {
  institution_id: number
  name: string
  color: string
  posts: number
}

export interface VendorTable {
  platform: Platform
  rows: VendorRow[]
  /** Per column, the median across the institutions with a value (Rival IQ's benchmark figure). */
  median: VendorRates
}

export interface VendorComparison {
  from: string
  to: string
  tables: VendorTable[]
  conventions: VendorConvention[]
}

export const VENDOR_HEADER = ['platform', 'institution', 'posts', ...VENDOR_COLUMNS.map((k) => `${k}_rate`)]

/** A row per platform and institution, then the platform's medians (rates as fractions, null where none). */
export function vendorRows(c: VendorComparison): (string | number | null)[][] {
  const rows: (string | number | null)[][] = []
  for (const t of c.tables) {
    for (const r of t.rows) rows.push([t.platform, r.name, r.posts, ...VENDOR_COLUMNS.map((k) => r[k])])
    rows.push([t.platform, 'median across institutions', null, ...VENDOR_COLUMNS.map((k) => t.median[k])])
  }
  return rows
}

/** Each column's source, as rows written under the data. */
export const vendorSources = (c: VendorComparison): (string | number | null)[][] => [
  ['column', 'vendor', 'formula', 'source'],
  ...c.conventions.map((v) => [`${v.id}_rate`, v.source.vendor, v.formula, v.source.url])
]

/** The tables as one CSV: a row per platform and institution, then the medians, then each column's source. */
export function vendorCsv(c: VendorComparison): string {
  const rows = [VENDOR_HEADER, ...vendorRows(c), [], ...vendorSources(c)]
  return `${rows.map(csvRecord).join('\r\n')}\r\n`
}

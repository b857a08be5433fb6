import type { Platform } from '../../../../shared/types'

/** How each platform is written in the UI (ids stay lower-case in the data). */
export const PLATFORM_LABEL: Record<Platform, string> = {
  x: 'X',
  facebook: 'Facebook',
  instagram: 'Instagram',
  youtube: 'YouTube',
  linkedin: 'LinkedIn',
  tiktok: 'TikTok',
  mastodon: 'Mastodon',
  other: 'Other'
}

export const platformLabel = (p: string): string => PLATFORM_LABEL[p as Platform] ?? p
